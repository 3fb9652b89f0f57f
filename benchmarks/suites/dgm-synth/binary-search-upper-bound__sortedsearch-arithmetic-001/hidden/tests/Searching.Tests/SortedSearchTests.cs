namespace Searching.Tests;

[TestClass]
public sealed class SortedSearchTests
{
    private static readonly int[] Numbers = [1, 3, 3, 3, 5, 8];

    [TestMethod]
    public void LowerBound_FindsFirstEqual() => Assert.AreEqual(1, SortedSearch.LowerBound(Numbers, 3));

    [TestMethod]
    public void LowerBound_ValueBetweenElements() => Assert.AreEqual(4, SortedSearch.LowerBound(Numbers, 4));

    [TestMethod]
    public void LowerBound_OutsideRange()
    {
        Assert.AreEqual(0, SortedSearch.LowerBound(Numbers, 0));
        Assert.AreEqual(6, SortedSearch.LowerBound(Numbers, 9));
    }

    [TestMethod]
    public void UpperBound_ValueNotInList() => Assert.AreEqual(4, SortedSearch.UpperBound(Numbers, 4));

    [TestMethod]
    public void IndexOf_FoundAndMissing()
    {
        Assert.AreEqual(4, SortedSearch.IndexOf(Numbers, 5));
        Assert.AreEqual(-1, SortedSearch.IndexOf(Numbers, 7));
    }

    [TestMethod]
    public void CountOf_RepeatedValue() => Assert.AreEqual(3, SortedSearch.CountOf(Numbers, 3));

    [TestMethod]
    public void UpperBound_AfterLastEqual() => Assert.AreEqual(4, SortedSearch.UpperBound(Numbers, 3));

    [TestMethod]
    public void UpperBound_LastAndBeyond()
    {
        Assert.AreEqual(6, SortedSearch.UpperBound(Numbers, 8));
        Assert.AreEqual(6, SortedSearch.UpperBound(Numbers, 9));
        Assert.AreEqual(0, SortedSearch.UpperBound(Numbers, 0));
    }

    [TestMethod]
    public void EqualRange_CoversAllEqualElements()
    {
        Assert.AreEqual((1, 4), SortedSearch.EqualRange(Numbers, 3));
        Assert.AreEqual((0, 1), SortedSearch.EqualRange(Numbers, 1));
    }

    [TestMethod]
    public void EqualRange_MissingValueIsEmpty() => Assert.AreEqual((5, 5), SortedSearch.EqualRange(Numbers, 6));

    [TestMethod]
    public void CountOf_SingleAndMissing()
    {
        Assert.AreEqual(1, SortedSearch.CountOf(Numbers, 8));
        Assert.AreEqual(0, SortedSearch.CountOf(Numbers, 2));
    }

    [TestMethod]
    public void EmptyList_BoundsAreZero()
    {
        var empty = Array.Empty<int>();
        Assert.AreEqual(0, SortedSearch.LowerBound(empty, 1));
        Assert.AreEqual(0, SortedSearch.UpperBound(empty, 1));
        Assert.AreEqual(-1, SortedSearch.IndexOf(empty, 1));
    }

    [TestMethod]
    public void InsertSorted_KeepsInsertionOrderOfEqualKeys()
    {
        var byLength = Comparer<string>.Create((a, b) => a.Length.CompareTo(b.Length));
        var words = new List<string> { "ox", "cat", "dog", "horse" };
        var index = SortedSearch.InsertSorted(words, "emu", byLength);
        Assert.AreEqual(3, index);
        CollectionAssert.AreEqual(new[] { "ox", "cat", "dog", "emu", "horse" }, words);
    }

    [TestMethod]
    public void InsertSorted_IntoEmptyAndAtEnd()
    {
        var list = new List<int>();
        Assert.AreEqual(0, SortedSearch.InsertSorted(list, 5));
        Assert.AreEqual(1, SortedSearch.InsertSorted(list, 7));
        Assert.AreEqual(1, SortedSearch.InsertSorted(list, 6));
        CollectionAssert.AreEqual(new[] { 5, 6, 7 }, list);
    }

    [TestMethod]
    public void CustomComparer_Descending()
    {
        var descending = new[] { 9, 7, 7, 2 };
        var comparer = Comparer<int>.Create((a, b) => b.CompareTo(a));
        Assert.AreEqual(1, SortedSearch.LowerBound(descending, 7, comparer));
        Assert.AreEqual(3, SortedSearch.UpperBound(descending, 7, comparer));
    }
}
