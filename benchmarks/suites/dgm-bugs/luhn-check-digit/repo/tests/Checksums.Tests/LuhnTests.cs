namespace Checksums.Tests;

[TestClass]
public sealed class LuhnTests
{
    [TestMethod]
    public void SmallDigitsValidate() => Assert.IsTrue(Luhn.IsValid("1214"));

    [TestMethod]
    public void RejectsLetters() => Assert.ThrowsExactly<FormatException>(() => Luhn.IsValid("12a4"));

    [TestMethod]
    public void TextbookCheckDigit() => Assert.AreEqual(3, Luhn.CheckDigit("7992739871"));
}
