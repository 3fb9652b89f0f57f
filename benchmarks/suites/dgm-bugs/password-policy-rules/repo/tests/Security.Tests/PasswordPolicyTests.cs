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
}
