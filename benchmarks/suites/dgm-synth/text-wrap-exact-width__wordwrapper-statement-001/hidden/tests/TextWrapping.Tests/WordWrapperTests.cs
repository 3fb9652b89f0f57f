namespace TextWrapping.Tests;

[TestClass]
public sealed class WordWrapperTests
{
    [TestMethod]
    public void Wrap_ShortTextStaysOnOneLine() =>
        CollectionAssert.AreEqual(new[] { "hello world" }, WordWrapper.Wrap("hello world", 40).ToArray());

    [TestMethod]
    public void Wrap_LongWordGetsItsOwnLine() =>
        CollectionAssert.AreEqual(new[] { "a", "abcdefghij", "b" }, WordWrapper.Wrap("a abcdefghij b", 5).ToArray());

    [TestMethod]
    public void Wrap_LineMayFillTheWholeWidth() =>
        CollectionAssert.AreEqual(new[] { "the quick", "brown fox" }, WordWrapper.Wrap("the quick brown fox", 9).ToArray());

    [TestMethod]
    public void Wrap_EveryLineFitsAndNoLineCouldTakeTheNextWord()
    {
        var lines = WordWrapper.Wrap("lorem ipsum dolor sit amet consectetur adipiscing elit", 11);
        CollectionAssert.AreEqual(new[] { "lorem ipsum", "dolor sit", "amet", "consectetur", "adipiscing", "elit" }, lines.ToArray());
    }

    [TestMethod]
    public void Wrap_TwoLettersAtWidthThree() =>
        CollectionAssert.AreEqual(new[] { "a b", "c d" }, WordWrapper.Wrap("a b c d", 3).ToArray());

    [TestMethod]
    public void Wrap_CollapsesRepeatedSpaces() =>
        CollectionAssert.AreEqual(new[] { "x y" }, WordWrapper.Wrap("x    y", 3).ToArray());

    [TestMethod]
    public void Wrap_EmptyTextHasNoLines() => Assert.AreEqual(0, WordWrapper.Wrap("", 10).Count);

    [TestMethod]
    public void Wrap_RejectsZeroWidth() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WordWrapper.Wrap("a", 0));
}
