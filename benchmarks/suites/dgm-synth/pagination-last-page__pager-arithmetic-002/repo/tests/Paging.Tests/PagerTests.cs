namespace Paging.Tests;

[TestClass]
public sealed class PagerTests
{
    private static Pager<int> Numbers(int count, int size) => new(Enumerable.Range(1, count).ToList(), size);

    [TestMethod]
    public void ExactMultipleHasNoExtraPage() => Assert.AreEqual(4, Numbers(40, 10).PageCount);

    [TestMethod]
    public void PartialLastPageIsCounted() => Assert.AreEqual(5, Numbers(45, 10).PageCount);

    [TestMethod]
    public void EmptyListHasNoPages() => Assert.AreEqual(0, Numbers(0, 10).PageCount);

    [TestMethod]
    public void HasNextIsFalseOnLastPage()
    {
        var pager = Numbers(45, 10);
        Assert.IsTrue(pager.HasNext(4));
        Assert.IsFalse(pager.HasNext(5));
    }

    [TestMethod]
    public void PageZeroIsRejected() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Numbers(10, 5).GetPage(0));
}
