namespace Releases.Tests;

[TestClass]
public sealed class ReleaseVersionTests
{
    [TestMethod]
    public void Parse_ReadsAllParts()
    {
        var version = ReleaseVersion.Parse("1.2.3-beta.1+build.7");
        Assert.AreEqual(1, version.Major);
        Assert.AreEqual(2, version.Minor);
        Assert.AreEqual(3, version.Patch);
        CollectionAssert.AreEqual(new[] { "beta", "1" }, version.PreRelease.ToArray());
        CollectionAssert.AreEqual(new[] { "build", "7" }, version.Build.ToArray());
    }

    [TestMethod]
    public void Parse_RejectsLeadingZero() => Assert.ThrowsExactly<FormatException>(() => ReleaseVersion.Parse("01.2.3"));

    [TestMethod]
    public void TryParse_FalseForMissingPatch() => Assert.IsFalse(ReleaseVersion.TryParse("1.2", out _));

    [TestMethod]
    public void CompareTo_PreReleaseBeforeRelease() =>
        Assert.IsTrue(ReleaseVersion.Parse("1.0.0-rc.1") < ReleaseVersion.Parse("1.0.0"));

    [TestMethod]
    public void CompareTo_FollowsSpecOrder()
    {
        string[] expected =
        [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
        ];
        var sorted = expected.Reverse().Select(ReleaseVersion.Parse).Order().Select(v => v.ToString()).ToArray();
        CollectionAssert.AreEqual(expected, sorted);
    }

    [TestMethod]
    public void TryParse_FalseForEmptyIdentifier() => Assert.IsFalse(ReleaseVersion.TryParse("1.0.0-alpha..1", out _));

    [TestMethod]
    public void TryParse_ReturnsVersion()
    {
        Assert.IsTrue(ReleaseVersion.TryParse("3.4.5-rc.2", out var version));
        Assert.AreEqual("3.4.5-rc.2", version.ToString());
    }

    [TestMethod]
    public void TryParse_FalseForNull() => Assert.IsFalse(ReleaseVersion.TryParse(null, out _));

    [TestMethod]
    public void Parse_RejectsInvalidCharacters() =>
        Assert.ThrowsExactly<FormatException>(() => ReleaseVersion.Parse("1.0.0-beta_1"));

    [TestMethod]
    public void Parse_AcceptsLargestNumber() => Assert.AreEqual(int.MaxValue, ReleaseVersion.Parse("2147483647.0.0").Major);

    [TestMethod]
    public void Equals_IgnoresBuildMetadata() =>
        Assert.AreEqual(ReleaseVersion.Parse("1.0.0+linux"), ReleaseVersion.Parse("1.0.0+windows"));

    [TestMethod]
    public void Parse_EmptyPreReleaseIdentifierThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => ReleaseVersion.Parse("1.0.0-alpha..1"));

    [TestMethod]
    public void Parse_EmptyBuildThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => ReleaseVersion.Parse("1.0.0+"));

    [TestMethod]
    public void TryParse_FalseForTrailingDash() => Assert.IsFalse(ReleaseVersion.TryParse("1.0.0-", out _));

    [TestMethod]
    public void TryParse_FalseWhenMajorOverflows() => Assert.IsFalse(ReleaseVersion.TryParse("4294967296.0.0", out _));

    [TestMethod]
    public void Parse_OverflowingPatchThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => ReleaseVersion.Parse("1.0.99999999999"));
}
