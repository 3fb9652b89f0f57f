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
    public void Wrap_EmptyTextHasNoLines() => Assert.AreEqual(0, WordWrapper.Wrap("", 10).Count);

    [TestMethod]
    public void Wrap_RejectsZeroWidth() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WordWrapper.Wrap("a", 0));
}
