namespace Diffing.Tests;

[TestClass]
public sealed class ListDiffTests
{
    private static string Script<T>(IEnumerable<Edit<T>> edits) => string.Join(", ", edits);

    private static int Changes<T>(IEnumerable<Edit<T>> edits) => edits.Count(e => e.Kind != EditKind.Keep);

    [TestMethod]
    public void Compute_IdenticalListsKeepEverything() =>
        Assert.AreEqual("Keep a, Keep b, Keep c", Script(ListDiff.Compute(["a", "b", "c"], ["a", "b", "c"])));

    [TestMethod]
    public void Compute_AppendedItemsAreInserted() =>
        Assert.AreEqual("Keep a, Keep b, Insert c, Insert d", Script(ListDiff.Compute(["a", "b"], ["a", "b", "c", "d"])));

    [TestMethod]
    public void Compute_ChangedItemDeletesBeforeInsert() =>
        Assert.AreEqual("Keep a, Delete x, Insert y, Keep c", Script(ListDiff.Compute(["a", "x", "c"], ["a", "y", "c"])));

    [TestMethod]
    public void Compute_ChangedFirstItem() =>
        Assert.AreEqual("Delete x, Insert y, Keep b, Keep c", Script(ListDiff.Compute(["x", "b", "c"], ["y", "b", "c"])));

    [TestMethod]
    public void Compute_RemovedMiddleItem() =>
        Assert.AreEqual("Keep a, Delete b, Keep c", Script(ListDiff.Compute(["a", "b", "c"], ["a", "c"])));

    [TestMethod]
    public void Compute_UsesComparer() =>
        Assert.AreEqual(
            "Keep Foo, Keep bar, Insert baz",
            Script(ListDiff.Compute(["Foo", "bar"], ["foo", "BAR", "baz"], StringComparer.OrdinalIgnoreCase)));

    [TestMethod]
    public void Compute_EmptyOldListInsertsAll() =>
        Assert.AreEqual("Insert x, Insert y", Script(ListDiff.Compute([], ["x", "y"])));

    [TestMethod]
    public void Apply_RebuildsNewList()
    {
        string[] before = ["the", "cat", "sat"];
        string[] after = ["the", "dog", "sat", "down"];
        var edits = ListDiff.Compute(before, after);
        Assert.AreEqual(3, Changes(edits));
        CollectionAssert.AreEqual(after, ListDiff.Apply(before, edits));
    }

    [TestMethod]
    public void Compute_PrependedItemIsSingleInsert() =>
        Assert.AreEqual("Insert x, Keep a, Keep b, Keep c", Script(ListDiff.Compute(["a", "b", "c"], ["x", "a", "b", "c"])));

    [TestMethod]
    public void Compute_PrependToSingleItem() =>
        Assert.AreEqual("Insert x, Keep a", Script(ListDiff.Compute(["a"], ["x", "a"])));

    [TestMethod]
    public void Compute_HeaderAddedToFileIsMinimal()
    {
        string[] before = ["int x;", "int y;", "return x + y;"];
        string[] after = ["// sum", "", "int x;", "int y;", "return x + y;"];
        var edits = ListDiff.Compute(before, after);
        Assert.AreEqual(2, Changes(edits));
        CollectionAssert.AreEqual(after, ListDiff.Apply(before, edits));
    }

    [TestMethod]
    public void Compute_IndicesPointIntoBothLists()
    {
        var edits = ListDiff.Compute(["b", "c"], ["a", "b", "c"]);
        Assert.AreEqual(new Edit<string>(EditKind.Insert, "a", -1, 0), edits[0]);
        Assert.AreEqual(new Edit<string>(EditKind.Keep, "b", 0, 1), edits[1]);
        Assert.AreEqual(new Edit<string>(EditKind.Keep, "c", 1, 2), edits[2]);
    }

    [TestMethod]
    public void Compute_ClassicLcsExampleIsMinimal()
    {
        var before = "ABCBDAB".ToCharArray();
        var after = "BDCABA".ToCharArray();
        var edits = ListDiff.Compute(before, after);
        Assert.AreEqual(5, Changes(edits));
        CollectionAssert.AreEqual(after, ListDiff.Apply(before, edits));
    }

    [TestMethod]
    public void Compute_SwappedPair() =>
        Assert.AreEqual("Delete a, Keep b, Insert a", Script(ListDiff.Compute(["a", "b"], ["b", "a"])));

    [TestMethod]
    public void Compute_RemovedLastItems() =>
        Assert.AreEqual("Keep a, Delete b, Delete c", Script(ListDiff.Compute(["a", "b", "c"], ["a"])));

    [TestMethod]
    public void Compute_BothEmpty() => Assert.AreEqual(0, ListDiff.Compute(Array.Empty<int>(), Array.Empty<int>()).Count);

    [TestMethod]
    public void Apply_RejectsIncompleteScript() =>
        Assert.ThrowsExactly<InvalidOperationException>(() =>
            ListDiff.Apply(["a", "b"], [new Edit<string>(EditKind.Keep, "a", 0, 0)]));
}
