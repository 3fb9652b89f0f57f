namespace Buffers.Tests;

[TestClass]
public sealed class RingBufferTests
{
    [TestMethod]
    public void KeepsInsertionOrderBeforeFull()
    {
        var buffer = new RingBuffer<int>(3);
        buffer.Add(1);
        buffer.Add(2);
        CollectionAssert.AreEqual(new[] { 1, 2 }, buffer.ToArray());
    }

    [TestMethod]
    public void OverwritesOldestWhenFull()
    {
        var buffer = new RingBuffer<int>(3);
        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            buffer.Add(i);
        }

        CollectionAssert.AreEqual(new[] { 2, 3, 4 }, buffer.ToArray());
    }

    [TestMethod]
    public void IndexBeyondCountThrows() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RingBuffer<int>(2)[0]);

    [TestMethod]
    public void KeepsTheLastCapacityItemsAfterManyAdds()
    {
        var buffer = new RingBuffer<int>(4);
        for (var i = 1; i <= 11; i++)
        {
            buffer.Add(i);
        }

        CollectionAssert.AreEqual(new[] { 8, 9, 10, 11 }, buffer.ToArray());
        Assert.AreEqual(4, buffer.Count);
    }

    [TestMethod]
    public void CapacityOneKeepsOnlyTheNewest()
    {
        var buffer = new RingBuffer<string>(1);
        buffer.Add("a");
        buffer.Add("b");
        Assert.AreEqual("b", buffer[0]);
    }

    [TestMethod]
    public void IndexerSeesNewestLast()
    {
        var buffer = new RingBuffer<int>(2);
        buffer.Add(5);
        buffer.Add(6);
        buffer.Add(7);
        Assert.AreEqual(6, buffer[0]);
        Assert.AreEqual(7, buffer[1]);
    }

    [TestMethod]
    public void ZeroCapacityIsRejected() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));
}
