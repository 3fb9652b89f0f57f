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
    public void Complete_UnknownPrefixIsEmpty() => Assert.AreEqual(0, Tree("apple").Complete("b").Count);

    [TestMethod]
    public void Remove_OnlyWord()
    {
        var tree = Tree("solo");
        Assert.IsTrue(tree.Remove("solo"));
        Assert.IsFalse(tree.Contains("solo"));
        Assert.AreEqual(0, tree.Count);
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
    public void Remove_TwiceReturnsFalse()
    {
        var tree = Tree("solo");
        Assert.IsTrue(tree.Remove("solo"));
        Assert.IsFalse(tree.Remove("solo"));
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
