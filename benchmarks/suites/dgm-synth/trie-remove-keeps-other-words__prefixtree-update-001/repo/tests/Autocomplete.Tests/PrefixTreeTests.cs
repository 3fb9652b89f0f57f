namespace Autocomplete.Tests;

[TestClass]
public sealed class PrefixTreeTests
{
    private static PrefixTree Tree(params string[] words)
    {
        var tree = new PrefixTree();
        foreach (var word in words)
        {
            tree.Add(word);
        }

        return tree;
    }

    [TestMethod]
    public void Add_DuplicateReturnsFalse()
    {
        var tree = Tree("apple");
        Assert.IsFalse(tree.Add("apple"));
        Assert.AreEqual(1, tree.Count);
    }

    [TestMethod]
    public void Complete_ListsWordsInOrder() =>
        Assert.AreEqual("car,card,cart", string.Join(",", Tree("cart", "dog", "car", "cat", "card").Complete("car")));

    [TestMethod]
    public void Complete_RespectsLimit() =>
        Assert.AreEqual("ant,apple", string.Join(",", Tree("apple", "ant", "axe", "bee").Complete("a", 2)));

    [TestMethod]
    public void Complete_UnknownPrefixIsEmpty() => Assert.AreEqual(0, Tree("apple").Complete("b").Count);

    [TestMethod]
    public void Remove_MissingWordReturnsFalse()
    {
        var tree = Tree("cart");
        Assert.IsFalse(tree.Remove("car"));
        Assert.IsTrue(tree.Contains("cart"));
    }

    [TestMethod]
    public void Remove_KeepsLongerWords()
    {
        var tree = Tree("car", "card", "cart");
        Assert.IsTrue(tree.Remove("car"));
        Assert.IsTrue(tree.Contains("cart"));
        Assert.AreEqual("card,cart", string.Join(",", tree.Complete("car")));
    }

    [TestMethod]
    public void Remove_CountMatchesCompletions()
    {
        var tree = Tree("tea", "team", "ten", "to");
        tree.Remove("team");
        tree.Remove("to");
        Assert.AreEqual(2, tree.Count);
        Assert.AreEqual("tea,ten", string.Join(",", tree.Complete("")));
    }

    [TestMethod]
    public void Remove_PrefixThatIsNotAWordReturnsFalse()
    {
        var tree = Tree("cart", "card");
        Assert.IsFalse(tree.Remove("ca"));
        Assert.AreEqual(2, tree.Count);
    }

    [TestMethod]
    public void Complete_IsOrdinalCaseSensitive() =>
        Assert.AreEqual("Zeta,alpha", string.Join(",", Tree("alpha", "Zeta").Complete("")));
}
