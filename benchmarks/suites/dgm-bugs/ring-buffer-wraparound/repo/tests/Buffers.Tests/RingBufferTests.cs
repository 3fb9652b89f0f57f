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
}
