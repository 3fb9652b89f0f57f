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
    public void ParsesBack() => Assert.AreEqual(2024, RomanNumerals.FromRoman("MMXXIV"));

    [TestMethod]
    public void RejectsZero() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RomanNumerals.ToRoman(0));
}
