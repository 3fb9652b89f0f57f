namespace Buffers.Tests;

[TestClass]
public sealed class RingBufferTests
{

    [TestMethod]
    public void IndexBeyondCountThrows() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RingBuffer<int>(2)[0]);

    [TestMethod]
    public void CapacityOneKeepsOnlyTheNewest()
    {
        var buffer = new RingBuffer<string>(1);
        buffer.Add("a");
        buffer.Add("b");
        Assert.AreEqual("b", buffer[0]);
    }

    [TestMethod]
    public void ZeroCapacityIsRejected() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));
}
