namespace Banking.Tests;

[TestClass]
public sealed class AccountTests
{
    [TestMethod]
    public void DepositIncreasesBalance()
    {
        var account = new Account();
        account.Deposit(50);
        Assert.AreEqual(50, account.Balance);
    }

    [TestMethod]
    public void DepositAppearsInHistory()
    {
        var account = new Account();
        account.Deposit(50, "salary");
        Assert.AreEqual(new Transaction(50, "salary"), account.History.Single());
    }

    [TestMethod]
    public void RefusedWithdrawalIsNotRecorded()
    {
        var account = new Account();
        account.TryWithdraw(1);
        Assert.AreEqual(0, account.History.Count);
    }

    [TestMethod]
    public void ZeroDepositIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Account().Deposit(0));
}
