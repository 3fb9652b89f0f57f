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
    public void GetInt32_FromMiddleSection()
    {
        var doc = IniDocument.Parse("[a]\nx = 1\n[b]\ny = 2\n[c]\nx = 3\ny = 4\n");
        Assert.AreEqual(1, doc.GetInt32("a", "x", -1));
        Assert.AreEqual(-1, doc.GetInt32("b", "x", -1));
        Assert.AreEqual(2, doc.GetInt32("b", "y", -1));
    }

    [TestMethod]
    public void Get_LastSectionStillWorks()
    {
        var doc = IniDocument.Parse(Text);
        Assert.AreEqual("9000", doc.Get("client", "port"));
        Assert.AreEqual(3, doc.GetInt32("client", "retries", 0));
    }

    [TestMethod]
    public void Section_MissingIsEmpty() => Assert.AreEqual(0, IniDocument.Parse(Text).Section("proxy").Count);

    [TestMethod]
    public void Section_BadLineThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => IniDocument.Parse("[s]\njust text\n").Section("s"));

    [TestMethod]
    public void Section_BadLineInOtherSectionIsNotRead() =>
        Assert.AreEqual("1", IniDocument.Parse("[good]\nk = 1\n[bad]\nnot a pair\n").Get("good", "k"));
}
