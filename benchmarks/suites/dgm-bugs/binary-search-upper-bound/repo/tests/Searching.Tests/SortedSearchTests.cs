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
}
