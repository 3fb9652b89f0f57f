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
    public void EqualVersionsCompareEqual() => Assert.AreEqual(0, SemVer.Parse("3.1.4").CompareTo(SemVer.Parse("3.1.4")));
}
