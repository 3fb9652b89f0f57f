namespace Numeration.Tests;

[TestClass]
public sealed class RomanNumeralTests
{
    [TestMethod]
    public void ToRoman_UsesSubtractiveForms()
    {
        Assert.AreEqual("MCMXCIV", RomanNumeral.ToRoman(1994));
        Assert.AreEqual("XLIX", RomanNumeral.ToRoman(49));
        Assert.AreEqual("MMMCMXCIX", RomanNumeral.ToRoman(3999));
    }

    [TestMethod]
    public void ToRoman_OutOfRangeThrows() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RomanNumeral.ToRoman(0));

    [TestMethod]
    public void Parse_ReadsCanonicalNumerals()
    {
        Assert.AreEqual(1994, RomanNumeral.Parse("MCMXCIV"));
        Assert.AreEqual(4, RomanNumeral.Parse("IV"));
    }

    [TestMethod]
    public void Parse_IsCaseInsensitive() => Assert.AreEqual(2024, RomanNumeral.Parse("mmxxiv"));

    [TestMethod]
    public void Parse_EmptyThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse(""));

    [TestMethod]
    public void TryParse_InvalidDigitReturnsFalse()
    {
        Assert.IsFalse(RomanNumeral.TryParse("MXQ", out var value));
        Assert.AreEqual(0, value);
    }
}
