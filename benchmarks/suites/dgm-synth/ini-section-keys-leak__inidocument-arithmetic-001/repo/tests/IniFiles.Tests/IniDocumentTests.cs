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
    public void Get_MissingSectionUsesFallback() => Assert.AreEqual("none", IniDocument.Parse(Text).Get("proxy", "host", "none"));

    [TestMethod]
    public void SectionNames_InFileOrder() =>
        CollectionAssert.AreEqual(new[] { "server", "client" }, IniDocument.Parse(Text).SectionNames.ToArray());

    [TestMethod]
    public void Get_KeyOnlyInLaterSection_IsNull() => Assert.IsNull(IniDocument.Parse(Text).Get("server", "retries"));

    [TestMethod]
    public void Section_ContainsOnlyItsOwnKeys() =>
        CollectionAssert.AreEquivalent(new[] { "host", "port" }, IniDocument.Parse(Text).Section("server").Keys.ToArray());

    [TestMethod]
    public void Section_MissingIsEmpty() => Assert.AreEqual(0, IniDocument.Parse(Text).Section("proxy").Count);

    [TestMethod]
    public void Section_BadLineThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => IniDocument.Parse("[s]\njust text\n").Section("s"));

    [TestMethod]
    public void GetInt32_NotANumberUsesFallback() =>
        Assert.AreEqual(5, IniDocument.Parse("[s]\nn = many\n").GetInt32("s", "n", 5));
}
