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
    public void Wrap_BulletWithAlignedContinuation()
    {
        var lines = ParagraphWrapper.Wrap("buy milk and fresh bread today", new WrapOptions(12, "- ", "  "));
        CollectionAssert.AreEqual(new[] { "- buy milk", "  and fresh", "  bread", "  today" }, lines.ToArray());
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
    public void Wrap_DeeperHangingIndentStaysWithinWidth()
    {
        var lines = ParagraphWrapper.Wrap("usage: tool [options] input output --verbose --dry-run", new WrapOptions(22, "", "    "));
        CollectionAssert.AreEqual(new[] { "usage: tool [options]", "    input output", "    --verbose", "    --dry-run" }, lines.ToArray());
    }

    [TestMethod]
    public void Wrap_FirstLineIndentOnly_LaterLinesUseFullWidth()
    {
        var lines = ParagraphWrapper.Wrap(
            "It was a bright cold day in April and the clocks were striking thirteen.", new WrapOptions(20, "    ", ""));
        CollectionAssert.AreEqual(
            new[] { "    It was a bright", "cold day in April", "and the clocks were", "striking thirteen." }, lines.ToArray());
    }

    [TestMethod]
    public void Wrap_NumberedItemWithWiderHangingIndent()
    {
        var lines = ParagraphWrapper.Wrap(
            "Install the package, then restart the service and check the logs.", new WrapOptions(24, "1. ", "     "));
        CollectionAssert.AreEqual(
            new[] { "1. Install the package,", "     then restart the", "     service and check", "     the logs." }, lines.ToArray());
    }

    [TestMethod]
    public void Wrap_NoLineExceedsWidth()
    {
        const string text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.";
        for (int width = 17; width <= 40; width++)
        {
            foreach (string line in ParagraphWrapper.Wrap(text, new WrapOptions(width, "", "      ")))
            {
                Assert.IsTrue(line.Length <= width, $"width {width}: '{line}' is {line.Length} characters long");
            }
        }
    }

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
