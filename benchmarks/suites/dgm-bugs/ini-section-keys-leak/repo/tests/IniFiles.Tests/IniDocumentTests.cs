namespace IniFiles.Tests;

[TestClass]
public sealed class IniDocumentTests
{
    private const string Text = """
        ; service settings
        [server]
        host = example.org
        port = 8080

        [client]
        port = 9000
        retries = 3
        """;

    [TestMethod]
    public void Get_ReadsValue() => Assert.AreEqual("example.org", IniDocument.Parse(Text).Get("server", "host"));

    [TestMethod]
    public void Get_NamesAreCaseInsensitive() => Assert.AreEqual("3", IniDocument.Parse(Text).Get("CLIENT", "Retries"));

    [TestMethod]
    public void Get_MissingSectionUsesFallback() => Assert.AreEqual("none", IniDocument.Parse(Text).Get("proxy", "host", "none"));

    [TestMethod]
    public void SectionNames_InFileOrder() =>
        CollectionAssert.AreEqual(new[] { "server", "client" }, IniDocument.Parse(Text).SectionNames.ToArray());

    [TestMethod]
    public void GetBoolean_UnderstandsYesNo()
    {
        var doc = IniDocument.Parse("[log]\r\nenabled = yes\r\nverbose = off\r\n");
        Assert.IsTrue(doc.GetBoolean("log", "enabled", false));
        Assert.IsFalse(doc.GetBoolean("log", "verbose", true));
    }

    [TestMethod]
    public void Get_KeyOfFirstSection_IsNotTakenFromLaterSection() => Assert.AreEqual("8080", IniDocument.Parse(Text).Get("server", "port"));
}
