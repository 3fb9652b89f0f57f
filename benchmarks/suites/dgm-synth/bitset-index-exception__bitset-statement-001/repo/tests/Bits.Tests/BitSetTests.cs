namespace Bits.Tests;

[TestClass]
public sealed class BitSetTests
{

    [TestMethod]
    public void SetPastTheEndThrowsOutOfRange() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BitSet(8).Set(8));

    [TestMethod]
    public void SetNegativeThrowsOutOfRange() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BitSet(8).Set(-1));

    [TestMethod]
    public void ClearPastTheEndThrowsOutOfRange() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BitSet(8).Set(9, false));

    [TestMethod]
    public void ExceptionNamesTheParameter() =>
        Assert.AreEqual("index", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BitSet(1).Set(5)).ParamName);

    [TestMethod]
    public void GetPastTheEndThrowsOutOfRange() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BitSet(8).Get(8));
}
