namespace Security.Tests;

[TestClass]
public sealed class PasswordPolicyTests
{
    [TestMethod]
    public void AcceptsAStrongPassword() => Assert.IsTrue(PasswordPolicy.Check("Sunny2024day").IsValid);

    [TestMethod]
    public void RejectsShortPasswords() => CollectionAssert.Contains(PasswordPolicy.Check("Ab1").Problems.ToList(), "at least 8 characters");

    [TestMethod]
    public void RejectsPasswordWithoutDigit() => Assert.IsFalse(PasswordPolicy.Check("Abcdefgh").IsValid);

    [TestMethod]
    public void ReportsTheMissingDigit() =>
        CollectionAssert.AreEqual(new[] { "a digit" }, PasswordPolicy.Check("LongPassword").Problems.ToArray());

    [TestMethod]
    public void RejectsMissingUpperCase() => Assert.IsFalse(PasswordPolicy.Check("abcdefg1").IsValid);

    [TestMethod]
    public void RejectsSpaces() => CollectionAssert.Contains(PasswordPolicy.Check("Abc 12345").Problems.ToList(), "no spaces");

    [TestMethod]
    public void AllDigitsBreaksTheLetterRule() =>
        CollectionAssert.AreEqual(new[] { "upper- and lower-case letters" }, PasswordPolicy.Check("12345678").Problems.ToArray());
}
