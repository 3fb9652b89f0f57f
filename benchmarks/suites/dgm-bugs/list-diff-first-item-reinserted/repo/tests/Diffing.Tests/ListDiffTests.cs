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
}
