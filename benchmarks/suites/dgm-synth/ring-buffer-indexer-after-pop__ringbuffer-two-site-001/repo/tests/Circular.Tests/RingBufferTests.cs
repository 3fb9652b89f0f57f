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
    public void Push_WhenFullOverwritesOldest()
    {
        var buffer = Filled(3, 1, 2, 3);
        Assert.IsTrue(buffer.Push(4));
        CollectionAssert.AreEqual(new[] { 2, 3, 4 }, buffer.ToArray());
    }

    [TestMethod]
    public void Indexer_OutOfRangeThrows()
    {
        var buffer = Filled(3, 1, 2);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => buffer[2]);
    }

    [TestMethod]
    public void Constructor_RejectsZeroCapacity() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));

    [TestMethod]
    public void PopOldest_OnEmptyThrows() => Assert.ThrowsExactly<InvalidOperationException>(() => new RingBuffer<string>(2).PopOldest());

    [TestMethod]
    public void Clear_ResetsBuffer()
    {
        var buffer = Filled(3, 1, 2, 3, 4);
        buffer.Clear();
        Assert.AreEqual(0, buffer.Count);
        buffer.Push(9);
        Assert.AreEqual(9, buffer[0]);
        CollectionAssert.AreEqual(new[] { 9 }, buffer.ToArray());
    }

    [TestMethod]
    public void Push_ReturnsFalseWhileNotFull()
    {
        var buffer = new RingBuffer<int>(2);
        Assert.IsFalse(buffer.Push(1));
        Assert.IsFalse(buffer.Push(2));
        Assert.IsTrue(buffer.IsFull);
    }
}
