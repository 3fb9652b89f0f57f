namespace TextStats.Tests;

[TestClass]
public sealed class WordCounterTests
{
    [TestMethod]
    public void CountsIgnoringCaseAndPunctuation()
    {
        var counts = WordCounter.Count("Hello, hello! World.");
        Assert.AreEqual(2, counts["hello"]);
        Assert.AreEqual(1, counts["world"]);
    }

    [TestMethod]
    public void TopWordsAreTheMostFrequent() =>
        CollectionAssert.AreEqual(new[] { "the", "and" }, WordCounter.TopWords("the cat and the hat and the bat", 2).ToArray());

    [TestMethod]
    public void TiesAreAlphabetical() =>
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, WordCounter.TopWords("c b a c b a", 3).ToArray());

    [TestMethod]
    public void TopOneIsTheMostFrequent() =>
        CollectionAssert.AreEqual(new[] { "z" }, WordCounter.TopWords("a z z b z c", 1).ToArray());

    [TestMethod]
    public void AskingForMoreThanExistGivesAll() => Assert.AreEqual(2, WordCounter.TopWords("x y", 10).Count);

    [TestMethod]
    public void EmptyTextHasNoWords() => Assert.AreEqual(0, WordCounter.Count("  ,. ").Count);
}
