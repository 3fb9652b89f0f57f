namespace Numerals.Tests;

[TestClass]
public sealed class RomanNumeralsTests
{
    [TestMethod]
    public void ConvertsSubtractiveForms()
    {
        Assert.AreEqual("XIV", RomanNumerals.ToRoman(14));
        Assert.AreEqual("MCMXC", RomanNumerals.ToRoman(1990));
    }

    [TestMethod]
    public void RejectsZero() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RomanNumerals.ToRoman(0));

    [TestMethod]
    public void RejectsValuesAboveTheRange() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RomanNumerals.ToRoman(4000));

    [TestMethod]
    public void RejectsGarbage() => Assert.ThrowsExactly<FormatException>(() => RomanNumerals.FromRoman("MXQ"));
}
