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
}
