namespace Numerals.Tests;

[TestClass]
public sealed class RomanNumeralsTests
{

    [TestMethod]
    public void ParsesBack() => Assert.AreEqual(2024, RomanNumerals.FromRoman("MMXXIV"));

    [TestMethod]
    public void RejectsZero() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RomanNumerals.ToRoman(0));

    [TestMethod]
    public void RejectsValuesAboveTheRange() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RomanNumerals.ToRoman(4000));

    [TestMethod]
    public void RejectsGarbage() => Assert.ThrowsExactly<FormatException>(() => RomanNumerals.FromRoman("MXQ"));
}
