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
}
