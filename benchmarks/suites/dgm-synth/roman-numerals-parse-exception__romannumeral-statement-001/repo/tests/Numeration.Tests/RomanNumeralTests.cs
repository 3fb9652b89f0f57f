namespace Numeration.Tests;

[TestClass]
public sealed class RomanNumeralTests
{

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
    public void Parse_TooLargeThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RomanNumeral.Parse("MMMM"));

    [TestMethod]
    public void TryParse_NullReturnsFalse() => Assert.IsFalse(RomanNumeral.TryParse(null, out _));

    [TestMethod]
    public void Parse_NullThrowsArgumentNullException() =>
        Assert.ThrowsExactly<ArgumentNullException>(() => RomanNumeral.Parse(null!));
}
