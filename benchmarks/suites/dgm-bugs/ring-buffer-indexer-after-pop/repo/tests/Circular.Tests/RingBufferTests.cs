namespace Circular.Tests;

[TestClass]
public sealed class RingBufferTests
{
    private static RingBuffer<int> Filled(int capacity, params int[] items)
    {
        var buffer = new RingBuffer<int>(capacity);
        foreach (var item in items)
        {
            buffer.Push(item);
        }

        return buffer;
    }

    [TestMethod]
    public void Push_KeepsInsertionOrder()
    {
        var buffer = Filled(4, 1, 2, 3);
        Assert.AreEqual(3, buffer.Count);
        Assert.AreEqual(1, buffer[0]);
        Assert.AreEqual(3, buffer[2]);
    }

    [TestMethod]
    public void Push_WhenFullOverwritesOldest()
    {
        var buffer = Filled(3, 1, 2, 3);
        Assert.IsTrue(buffer.Push(4));
        CollectionAssert.AreEqual(new[] { 2, 3, 4 }, buffer.ToArray());
    }

    [TestMethod]
    public void PopOldest_ReturnsItemsInInsertionOrder()
    {
        var buffer = Filled(3, 1, 2);
        Assert.AreEqual(1, buffer.PopOldest());
        Assert.AreEqual(2, buffer.PopOldest());
        Assert.IsTrue(buffer.IsEmpty);
    }

    [TestMethod]
    public void Indexer_OutOfRangeThrows()
    {
        var buffer = Filled(3, 1, 2);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => buffer[2]);
    }

    [TestMethod]
    public void Indexer_AfterPopReturnsRemainingItems()
    {
        var buffer = Filled(4, 1, 2, 3, 4);
        buffer.PopOldest();
        buffer.PopOldest();
        Assert.AreEqual(3, buffer[0]);
        Assert.AreEqual(4, buffer[1]);
    }
}
