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
    public void Parse_EmptyThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse(""));

    [TestMethod]
    public void TryParse_InvalidDigitReturnsFalse()
    {
        Assert.IsFalse(RomanNumeral.TryParse("MXQ", out var value));
        Assert.AreEqual(0, value);
    }

    [TestMethod]
    public void Parse_InvalidDigitThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse("X7"));

    [TestMethod]
    public void Parse_RepeatedDigitsThrowFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse("IIII"));

    [TestMethod]
    public void Parse_InvalidSubtractionThrowsFormatException()
    {
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse("VX"));
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse("IC"));
    }

    [TestMethod]
    public void Parse_TooLargeThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse("MMMM"));

    [TestMethod]
    public void TryParse_NonCanonicalReturnsFalse()
    {
        Assert.IsFalse(RomanNumeral.TryParse("VX", out _));
        Assert.IsFalse(RomanNumeral.TryParse("XXXX", out _));
    }

    [TestMethod]
    public void TryParse_NullReturnsFalse() => Assert.IsFalse(RomanNumeral.TryParse(null, out _));

    [TestMethod]
    public void Parse_NullThrowsArgumentNullException() =>
        Assert.ThrowsExactly<ArgumentNullException>(() => RomanNumeral.Parse(null!));
}
