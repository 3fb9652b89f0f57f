namespace Checksums.Tests;

[TestClass]
public sealed class LuhnTests
{
    [TestMethod]
    public void SmallDigitsValidate() => Assert.IsTrue(Luhn.IsValid("1214"));

    [TestMethod]
    public void RejectsLetters() => Assert.ThrowsExactly<FormatException>(() => Luhn.IsValid("12a4"));

    [TestMethod]
    public void ChangedDigitIsInvalid() => Assert.IsFalse(Luhn.IsValid("79927398714"));

    [TestMethod]
    public void CheckDigitMakesNumbersValid()
    {
        foreach (var partial in new[] { "4539148803436", "37828224631000", "601100099013942" })
        {
            Assert.IsTrue(Luhn.IsValid(partial + Luhn.CheckDigit(partial)), partial);
        }
    }

    [TestMethod]
    public void SingleDigitIsNeverValid() => Assert.IsFalse(Luhn.IsValid("0"));
}
