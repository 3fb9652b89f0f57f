namespace WordCounting.Tests;

[TestClass]
public sealed class WordFrequencyCounterTests
{
    [TestMethod]
    public void Count_IsCaseInsensitive()
    {
        var counts = new WordFrequencyCounter().Count("Cat cat CAT dog");
        Assert.AreEqual(3, counts["cat"]);
        Assert.AreEqual(1, counts["dog"]);
    }

    [TestMethod]
    public void Count_SkipsEnglishStopWordsByDefault()
    {
        var counts = new WordFrequencyCounter().Count("The cat and the hat");
        CollectionAssert.AreEquivalent(new[] { "cat", "hat" }, counts.Keys.ToArray());
    }

    [TestMethod]
    public void Count_UsesCustomStopWords()
    {
        var counts = new WordFrequencyCounter(new[] { "Cat" }).Count("the cat and the hat");
        Assert.AreEqual(2, counts["the"]);
        Assert.IsFalse(counts.ContainsKey("cat"));
    }

    [TestMethod]
    public void Top_OrdersByCountThenAlphabetically()
    {
        var top = new WordFrequencyCounter().Top("pear apple pear plum apple fig pear", 3);
        CollectionAssert.AreEqual(new[] { "pear", "apple", "fig" }, top.Select(p => p.Key).ToArray());
        Assert.AreEqual(3, top[0].Value);
    }

    [TestMethod]
    public void Words_KeepApostrophes() =>
        CollectionAssert.AreEqual(new[] { "don't", "stop" }, new WordFrequencyCounter().Words("Don't stop!").ToArray());

    [TestMethod]
    public void Count_NullStopWordsCountsEveryWord()
    {
        var counts = new WordFrequencyCounter(stopWords: null).Count("the cat and the hat");
        Assert.AreEqual(2, counts["the"]);
        Assert.AreEqual(1, counts["and"]);
        Assert.AreEqual(4, counts.Count);
    }

    [TestMethod]
    public void Top_NullStopWords()
    {
        var top = new WordFrequencyCounter(null).Top("to be or not to be", 2);
        CollectionAssert.AreEqual(new[] { "be", "to" }, top.Select(p => p.Key).ToArray());
    }

    [TestMethod]
    public void TotalWords_NullStopWordsWithMinLength() =>
        Assert.AreEqual(4, new WordFrequencyCounter(null, minLength: 3).TotalWords("a big red fox is here"));

    [TestMethod]
    public void Count_EmptyStopWordListCountsEveryWord() =>
        Assert.AreEqual(2, new WordFrequencyCounter(Array.Empty<string>()).Count("a cat a dog")["a"]);

    [TestMethod]
    public void MinLength_SkipsShortWords()
    {
        var counts = new WordFrequencyCounter(new[] { "the" }, minLength: 4).Count("the tall tree is tall");
        CollectionAssert.AreEquivalent(new[] { "tall", "tree" }, counts.Keys.ToArray());
    }

    [TestMethod]
    public void Top_ZeroReturnsEmpty() => Assert.AreEqual(0, new WordFrequencyCounter().Top("cat dog", 0).Count);

    [TestMethod]
    public void Count_NullTextThrows() =>
        Assert.ThrowsExactly<ArgumentNullException>(() => new WordFrequencyCounter().Count(null!));

    [TestMethod]
    public void Words_IgnoreDigitsAndPunctuation() =>
        Assert.AreEqual(2, new WordFrequencyCounter().TotalWords("42 apples, 7 pears."));
}
