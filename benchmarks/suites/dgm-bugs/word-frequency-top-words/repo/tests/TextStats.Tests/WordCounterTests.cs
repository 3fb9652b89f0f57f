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
}
