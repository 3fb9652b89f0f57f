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
}
