namespace Bits.Tests;

[TestClass]
public sealed class BitSetTests
{
    [TestMethod]
    public void SetBitsAreRead()
    {
        var bits = new BitSet(100);
        bits.Set(70);
        Assert.IsTrue(bits.Get(70));
        Assert.IsFalse(bits.Get(69));
    }

    [TestMethod]
    public void ClearingABit()
    {
        var bits = new BitSet(8);
        bits.Set(3);
        bits.Set(3, false);
        Assert.AreEqual(0, bits.PopCount());
    }

    [TestMethod]
    public void SetPastTheEndThrowsOutOfRange() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BitSet(8).Set(8));
}
