namespace CsvParsing.Tests;

[TestClass]
public sealed class CsvReaderTests
{
    [TestMethod]
    public void ParsesSimpleRecords()
    {
        var rows = CsvReader.Parse("a,b\n1,2\n");
        Assert.AreEqual(2, rows.Count);
        CollectionAssert.AreEqual(new[] { "1", "2" }, rows[1].ToArray());
    }

    [TestMethod]
    public void ParsesQuotedFieldsWithCommasAndQuotes() =>
        CollectionAssert.AreEqual(new[] { "x, y", "say \"hi\"" }, CsvReader.Parse("\"x, y\",\"say \"\"hi\"\"\"\n")[0].ToArray());

    [TestMethod]
    public void EmptyLastFieldIsEmptyString() =>
        CollectionAssert.AreEqual(new[] { "ann", "31", "" }, CsvReader.Parse("name,age,city\nann,31,\n")[1].ToArray());

    [TestMethod]
    public void EmptyMiddleFieldIsEmptyString() =>
        CollectionAssert.AreEqual(new[] { "a", "", "c" }, CsvReader.Parse("a,,c\n")[0].ToArray());

    [TestMethod]
    public void BlankLineIsARecordWithOneEmptyField() =>
        CollectionAssert.AreEqual(new[] { "" }, CsvReader.Parse("x\n\ny\n")[1].ToArray());

    [TestMethod]
    public void WindowsLineEndingsWithEmptyLastField() =>
        CollectionAssert.AreEqual(new[] { "1", "" }, CsvReader.Parse("1,\r\n2,3\r\n")[0].ToArray());

    [TestMethod]
    public void NoTrailingNewline() =>
        CollectionAssert.AreEqual(new[] { "p", "q" }, CsvReader.Parse("p,q")[0].ToArray());

    [TestMethod]
    public void NewlineInsideQuotes() =>
        CollectionAssert.AreEqual(new[] { "line1\nline2", "z" }, CsvReader.Parse("\"line1\nline2\",z\n")[0].ToArray());
}
