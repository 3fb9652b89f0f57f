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
    public void HistorySumsToBalance()
    {
        var account = new Account(overdraftLimit: 100);
        account.Deposit(200);
        account.TryWithdraw(250);
        account.Deposit(10);
        Assert.AreEqual(account.Balance, account.History.Sum(t => t.Amount));
        Assert.AreEqual(3, account.History.Count);
    }

    [TestMethod]
    public void HistoryKeepsOrder()
    {
        var account = new Account();
        account.Deposit(5, "first");
        account.TryWithdraw(2, "second");
        CollectionAssert.AreEqual(new[] { "first", "second" }, account.History.Select(t => t.Description).ToArray());
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
