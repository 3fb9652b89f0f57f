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
    public void ConvertsTheLargestValue() => Assert.AreEqual("MMMCMXCIX", RomanNumerals.ToRoman(3999));

    [TestMethod]
    public void RoundTripsTheWholeRange()
    {
        for (var i = 1; i <= RomanNumerals.Max; i++)
        {
            Assert.AreEqual(i, RomanNumerals.FromRoman(RomanNumerals.ToRoman(i)));
        }
    }

    [TestMethod]
    public void RejectsGarbage() => Assert.ThrowsExactly<FormatException>(() => RomanNumerals.FromRoman("MXQ"));
}
