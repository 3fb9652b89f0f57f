namespace Paging.Tests;

[TestClass]
public sealed class PagerTests
{
    private static Pager<int> Numbers(int count, int size) => new(Enumerable.Range(1, count).ToList(), size);

    [TestMethod]
    public void FirstPageHoldsPageSizeItems() =>
        CollectionAssert.AreEqual(Enumerable.Range(1, 10).ToArray(), Numbers(40, 10).GetPage(1).ToArray());

    [TestMethod]
    public void ExactMultipleHasNoExtraPage() => Assert.AreEqual(4, Numbers(40, 10).PageCount);

    [TestMethod]
    public void PartialLastPageIsCounted() => Assert.AreEqual(5, Numbers(45, 10).PageCount);
}
