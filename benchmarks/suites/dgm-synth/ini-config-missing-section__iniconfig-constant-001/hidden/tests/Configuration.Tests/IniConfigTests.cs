namespace Configuration.Tests;

[TestClass]
public sealed class IniConfigTests
{
    private const string Sample = "name = demo\n[server]\nhost = example.org\nport = 8080\n; comment\n";

    [TestMethod]
    public void ReadsValuesInSections() => Assert.AreEqual("example.org", IniConfig.Parse(Sample).Get("server", "host"));

    [TestMethod]
    public void ReadsIntegers() => Assert.AreEqual(8080, IniConfig.Parse(Sample).GetInt("server", "port", 0));

    [TestMethod]
    public void MissingSectionGivesTheFallback() => Assert.AreEqual("5432", IniConfig.Parse(Sample).Get("database", "port", "5432"));

    [TestMethod]
    public void MissingKeyGivesTheFallback() => Assert.AreEqual("none", IniConfig.Parse(Sample).Get("server", "user", "none"));

    [TestMethod]
    public void MissingSectionGivesNullWithoutFallback() => Assert.IsNull(IniConfig.Parse(Sample).Get("cache", "size"));

    [TestMethod]
    public void GetIntOnMissingSectionGivesFallback() => Assert.AreEqual(30, IniConfig.Parse(Sample).GetInt("timeouts", "read", 30));

    [TestMethod]
    public void KeysBeforeAnySectionLiveInTheEmptySection() => Assert.AreEqual("demo", IniConfig.Parse(Sample).Get("", "name"));

    [TestMethod]
    public void SectionNamesIgnoreCase() => Assert.AreEqual("8080", IniConfig.Parse(Sample).Get("SERVER", "PORT"));

    [TestMethod]
    public void BadLineIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => IniConfig.Parse("[a]\njunk\n"));
}
