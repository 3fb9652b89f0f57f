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

    [TestMethod]
    public void Count_BitsInUpperHalfOfWord()
    {
        var bits = new BitSet(100);
        bits.Set(8);
        bits.Set(40);
        bits.Set(63);
        bits.Set(31);
        Assert.AreEqual(4, bits.Count());
        CollectionAssert.AreEqual(new[] { 8, 31, 40, 63 }, bits.SetBits().ToArray());
    }

    [TestMethod]
    public void Clear_LowBitKeepsHighBit()
    {
        var bits = new BitSet(64);
        bits.Set(1);
        bits.Set(33);
        bits.Clear(1);
        Assert.IsTrue(bits.Get(33));
        Assert.IsFalse(bits.Get(1));
    }

    [TestMethod]
    public void Flip_HighBits()
    {
        var bits = new BitSet(70);
        bits.Flip(50);
        bits.Flip(69);
        Assert.IsTrue(bits.Get(50));
        Assert.IsFalse(bits.Get(18));
        Assert.IsTrue(bits.Get(69));
        Assert.AreEqual(2, bits.Count());
    }

    [TestMethod]
    public void ToString_ShowsEachBitAtItsIndex()
    {
        var bits = new BitSet(40);
        bits.Set(35);
        Assert.AreEqual(new string('0', 35) + "1" + "0000", bits.ToString());
    }

    [TestMethod]
    public void IntersectWith_KeepsCommonBits()
    {
        var a = new BitSet(128);
        var b = new BitSet(128);
        foreach (var i in new[] { 2, 34, 70, 127 })
        {
            a.Set(i);
        }

        foreach (var i in new[] { 34, 70, 100 })
        {
            b.Set(i);
        }

        a.IntersectWith(b);
        CollectionAssert.AreEqual(new[] { 34, 70 }, a.SetBits().ToArray());
    }

    [TestMethod]
    public void UnionWith_DifferentLengths_Throws()
    {
        var a = new BitSet(10);
        Assert.ThrowsExactly<ArgumentException>(() => a.UnionWith(new BitSet(11)));
    }

    [TestMethod]
    public void LowBits_StillIndependent()
    {
        var bits = new BitSet(32);
        bits.Set(0);
        bits.Set(31);
        Assert.AreEqual(2, bits.Count());
        Assert.IsFalse(bits.Get(30));
    }
}
