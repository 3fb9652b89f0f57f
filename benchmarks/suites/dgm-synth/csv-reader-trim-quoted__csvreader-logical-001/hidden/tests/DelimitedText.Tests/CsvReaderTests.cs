namespace DelimitedText.Tests;

[TestClass]
public sealed class CsvReaderTests
{
    private static string Show(IReadOnlyList<string[]> rows) =>
        string.Join(" / ", rows.Select(r => string.Join("|", r.Select(f => $"<{f}>"))));

    [TestMethod]
    public void Parse_SplitsRowsAndFields() =>
        Assert.AreEqual("<a>|<b> / <c>|<d>", Show(CsvReader.Parse("a,b\nc,d")));

    [TestMethod]
    public void Parse_QuotedFieldKeepsDelimiterAndLineBreak() =>
        Assert.AreEqual("<x, y>|<line1\nline2>", Show(CsvReader.Parse("\"x, y\",\"line1\nline2\"")));

    [TestMethod]
    public void Parse_DoubledQuoteIsOneQuote() =>
        Assert.AreEqual("<say \"hi\">", Show(CsvReader.Parse("\"say \"\"hi\"\"\"")));

    [TestMethod]
    public void Parse_CustomDelimiter() =>
        Assert.AreEqual("<1,5>|<2>", Show(CsvReader.Parse("1,5;2", new CsvOptions(Delimiter: ';'))));

    [TestMethod]
    public void Parse_TrimOptionTrimsUnquotedFields() =>
        Assert.AreEqual("<a>|<b>", Show(CsvReader.Parse("  a , b", new CsvOptions(TrimUnquotedFields: true))));

    [TestMethod]
    public void Parse_KeepsSpacesByDefault() =>
        Assert.AreEqual("<a>|< b >|<c>", Show(CsvReader.Parse("a, b ,c")));

    [TestMethod]
    public void Parse_CrLfLineEndings() =>
        Assert.AreEqual("<a>|<b> / <c>|<d>", Show(CsvReader.Parse("a,b\r\nc,d\r\n")));

    [TestMethod]
    public void Parse_EmptyFields() =>
        Assert.AreEqual("<>|<>|<x>", Show(CsvReader.Parse(",,x")));

    [TestMethod]
    public void Parse_QuotedEmptyFieldAtEnd() =>
        Assert.AreEqual("<a>|<>", Show(CsvReader.Parse("a,\"\"")));

    [TestMethod]
    public void Parse_UnterminatedQuoteThrows() =>
        Assert.ThrowsExactly<FormatException>(() => CsvReader.Parse("a,\"open"));

    [TestMethod]
    public void Parse_TrimOptionKeepsQuotedPadding() =>
        Assert.AreEqual("<  left>|<right>",
            Show(CsvReader.Parse("\"  left\",  right  ", new CsvOptions(TrimUnquotedFields: true))));

    [TestMethod]
    public void Parse_QuotedPaddingKeptByDefault() =>
        Assert.AreEqual("< padded >|< x>", Show(CsvReader.Parse("\" padded \", x")));

    [TestMethod]
    public void Parse_WhitespaceOnlyFieldKeptByDefault() =>
        Assert.AreEqual("<a>|<   >|<b>", Show(CsvReader.Parse("a,   ,b")));

    [TestMethod]
    public void Parse_TabsKeptByDefault() =>
        Assert.AreEqual("<\tname>|<value\t>", Show(CsvReader.Parse("\tname;value\t", new CsvOptions(Delimiter: ';'))));

    [TestMethod]
    public void Parse_TrimOptionWithCustomDelimiter() =>
        Assert.AreEqual("<a>|< b >", Show(CsvReader.Parse(" a ;\" b \"", new CsvOptions(';', true))));
}
