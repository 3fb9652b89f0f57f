namespace Versioning.Tests;

[TestClass]
public sealed class SemVerTests
{
    [TestMethod]
    public void ComparesNumbersNumerically() => Assert.IsTrue(SemVer.Parse("1.10.0") > SemVer.Parse("1.9.3"));

    [TestMethod]
    public void ParsesPreRelease() => Assert.AreEqual("rc.1", SemVer.Parse("2.0.0-rc.1").PreRelease);

    [TestMethod]
    public void RejectsMissingPatch() => Assert.ThrowsExactly<FormatException>(() => SemVer.Parse("1.2"));

    [TestMethod]
    public void PreReleaseIsLowerThanRelease() => Assert.IsTrue(SemVer.Parse("1.0.0-alpha") < SemVer.Parse("1.0.0"));

    [TestMethod]
    public void ReleaseIsHigherThanPreRelease() => Assert.IsTrue(SemVer.Parse("1.0.0") > SemVer.Parse("1.0.0-rc.9"));

    [TestMethod]
    public void SortsLikeTheSpecExample()
    {
        var expected = new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0" };
        var sorted = expected.Reverse().Select(SemVer.Parse).Order().Select(v => v.ToString()).ToArray();
        CollectionAssert.AreEqual(expected, sorted);
    }

    [TestMethod]
    public void EqualVersionsCompareEqual() => Assert.AreEqual(0, SemVer.Parse("3.1.4").CompareTo(SemVer.Parse("3.1.4")));
}
