namespace Pagination.Tests;

[TestClass]
public sealed class PageInfoTests
{
    [TestMethod]
    public void PageCount_RoundsUp()
    {
        Assert.AreEqual(5, new PageInfo(45, 10).PageCount);
        Assert.AreEqual(4, new PageInfo(40, 10).PageCount);
        Assert.AreEqual(1, new PageInfo(0, 10).PageCount);
    }

    [TestMethod]
    public void Slice_LastPageHoldsTheRest()
    {
        var items = Enumerable.Range(1, 45).ToList();
        CollectionAssert.AreEqual(new[] { 41, 42, 43, 44, 45 }, new PageInfo(45, 10).Slice(items, 5).ToArray());
    }

    [TestMethod]
    public void HasPrevious_FalseOnFirstPage()
    {
        var pages = new PageInfo(45, 10);
        Assert.IsFalse(pages.HasPrevious(1));
        Assert.IsTrue(pages.HasPrevious(2));
    }

    [TestMethod]
    public void HasNext_TrueBeforeLastPage() => Assert.IsTrue(new PageInfo(45, 10).HasNext(4));

    [TestMethod]
    public void Label_ShowsItemRange() => Assert.AreEqual("Showing 11–20 of 45", new PageInfo(45, 10).Label(2));

    [TestMethod]
    public void Window_CentresOnCurrentPage() =>
        CollectionAssert.AreEqual(new[] { 4, 5, 6, 7, 8 }, new PageInfo(200, 10).Window(6, 5).ToArray());

    [TestMethod]
    public void HasNext_FalseOnLastPage() => Assert.IsFalse(new PageInfo(45, 10).HasNext(5));

    [TestMethod]
    public void HasNext_FalseForSinglePage() => Assert.IsFalse(new PageInfo(3, 10).HasNext(1));

    [TestMethod]
    public void HasNext_FalseBeyondLastPage() => Assert.IsFalse(new PageInfo(40, 10).HasNext(9));

    [TestMethod]
    public void HasNext_FalseForEmptyResult() => Assert.IsFalse(new PageInfo(0, 10).HasNext(1));

    [TestMethod]
    public void Label_LastPageAndEmpty()
    {
        Assert.AreEqual("Showing 41–45 of 45", new PageInfo(45, 10).Label(5));
        Assert.AreEqual("No results", new PageInfo(0, 10).Label(1));
    }

    [TestMethod]
    public void Slice_ClampsPageNumber()
    {
        var items = Enumerable.Range(1, 12).ToList();
        var pages = new PageInfo(12, 5);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5 }, pages.Slice(items, 0).ToArray());
        CollectionAssert.AreEqual(new[] { 11, 12 }, pages.Slice(items, 99).ToArray());
    }

    [TestMethod]
    public void Window_StopsAtEdges()
    {
        var pages = new PageInfo(95, 10);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5 }, pages.Window(2, 5).ToArray());
        CollectionAssert.AreEqual(new[] { 6, 7, 8, 9, 10 }, pages.Window(10, 5).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2 }, new PageInfo(15, 10).Window(1, 5).ToArray());
    }

    [TestMethod]
    public void HasPrevious_TrueOnLastPage() => Assert.IsTrue(new PageInfo(45, 10).HasPrevious(5));

    [TestMethod]
    public void Constructor_RejectsZeroPageSize() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PageInfo(10, 0));
}
