namespace BitFields.Tests;

[TestClass]
public sealed class BitSetTests
{
    [TestMethod]
    public void NewSet_HasNoBitsSet()
    {
        var bits = new BitSet(10);
        Assert.AreEqual(10, bits.Length);
        Assert.AreEqual(0, bits.Count());
        Assert.AreEqual("0000000000", bits.ToString());
    }

    [TestMethod]
    public void SetAndClear_LowBits()
    {
        var bits = new BitSet(16);
        bits.Set(3);
        bits.Set(5);
        bits.Clear(3);
        Assert.IsFalse(bits.Get(3));
        Assert.IsTrue(bits.Get(5));
        Assert.AreEqual(1, bits.Count());
    }

    [TestMethod]
    public void Indexer_SetsAndClears()
    {
        var bits = new BitSet(8);
        bits[7] = true;
        bits[0] = true;
        bits[0] = false;
        Assert.AreEqual("00000001", bits.ToString());
    }

    [TestMethod]
    public void Get_OutsideLength_Throws()
    {
        var bits = new BitSet(8);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => bits.Get(8));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => bits.Set(-1));
    }

    [TestMethod]
    public void UnionWith_CombinesBits()
    {
        var a = new BitSet(20);
        var b = new BitSet(20);
        a.Set(1);
        b.Set(2);
        b.Set(19);
        a.UnionWith(b);
        CollectionAssert.AreEqual(new[] { 1, 2, 19 }, a.SetBits().ToArray());
    }

    [TestMethod]
    public void Set_HighBitDoesNotSetLowBit()
    {
        var bits = new BitSet(100);
        bits.Set(40);
        Assert.IsTrue(bits.Get(40));
        Assert.IsFalse(bits.Get(8));
    }
}
