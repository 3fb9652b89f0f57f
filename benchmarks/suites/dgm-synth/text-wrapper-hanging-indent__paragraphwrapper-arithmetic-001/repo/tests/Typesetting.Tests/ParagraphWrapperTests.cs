namespace Typesetting.Tests;

[TestClass]
public sealed class ParagraphWrapperTests
{
    [TestMethod]
    public void Wrap_WithoutIndents()
    {
        var lines = ParagraphWrapper.Wrap("the quick brown fox jumps over the lazy dog", new WrapOptions(15));
        CollectionAssert.AreEqual(new[] { "the quick brown", "fox jumps over", "the lazy dog" }, lines.ToArray());
    }

    [TestMethod]
    public void Wrap_LongWordIsKeptWhole()
    {
        var lines = ParagraphWrapper.Wrap("a extraordinary b", new WrapOptions(6));
        CollectionAssert.AreEqual(new[] { "a", "extraordinary", "b" }, lines.ToArray());
    }

    [TestMethod]
    public void Wrap_EmptyParagraphHasNoLines() => Assert.AreEqual(0, ParagraphWrapper.Wrap("   ", new WrapOptions(10)).Count);

    [TestMethod]
    public void Wrap_RejectsWidthWithoutRoomForText() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ParagraphWrapper.Wrap("text", new WrapOptions(4, "    ")));

    [TestMethod]
    public void WrapText_SeparatesParagraphs() =>
        Assert.AreEqual("one two\nthree\n\nfour", ParagraphWrapper.WrapText("one two three\n\nfour", new WrapOptions(10)));

    [TestMethod]
    public void Wrap_ExactFitStaysOnOneLine()
    {
        var lines = ParagraphWrapper.Wrap("ab cd ef", new WrapOptions(10, "> ", "> "));
        CollectionAssert.AreEqual(new[] { "> ab cd ef" }, lines.ToArray());
    }

    [TestMethod]
    public void WrapText_EachParagraphStartsWithFirstIndent() =>
        Assert.AreEqual(
            "  one two\nthree\n\n  four",
            ParagraphWrapper.WrapText("one two three\r\n\r\nfour", new WrapOptions(10, "  ", "")));
}
