namespace Accounts.Tests;

[TestClass]
public sealed class BankAccountTests
{
    [TestMethod]
    public void Deposit_IncreasesBalanceAndRecordsHistory()
    {
        var account = new BankAccount("A-1");
        account.Deposit(50m);
        Assert.AreEqual(50m, account.Balance);
        Assert.AreEqual(new Transaction(50m, 50m, "Deposit"), account.History.Single());
    }

    [TestMethod]
    public void Frozen_RefusesWithdrawal()
    {
        var account = new BankAccount("A-1");
        account.Deposit(50m);
        account.Freeze();
        Assert.ThrowsExactly<InvalidOperationException>(() => account.Withdraw(10m));
    }

    [TestMethod]
    public void CanWithdraw_FalseWhileFrozenEvenWithinOverdraft()
    {
        var account = new BankAccount("A-1", overdraftLimit: 200m);
        account.Freeze();
        Assert.IsFalse(account.CanWithdraw(150m));
        Assert.IsFalse(account.CanWithdraw(0.01m));
    }

    [TestMethod]
    public void Transfer_FromFrozenOverdraftAccountThrows()
    {
        var source = new BankAccount("A-1", overdraftLimit: 300m);
        var target = new BankAccount("B-2");
        source.Deposit(100m);
        source.Freeze();
        Assert.ThrowsExactly<InvalidOperationException>(() => source.TransferTo(target, 50m));
        Assert.AreEqual(0m, target.Balance);
        Assert.AreEqual(1, source.History.Count);
    }

    [TestMethod]
    public void Unfreeze_AllowsOverdraftAgain()
    {
        var account = new BankAccount("A-1", overdraftLimit: 100m);
        account.Freeze();
        account.Unfreeze();
        account.Withdraw(80m);
        Assert.AreEqual(-80m, account.Balance);
    }

    [TestMethod]
    public void Withdraw_BeyondOverdraftLimitThrows()
    {
        var account = new BankAccount("A-1", overdraftLimit: 100m);
        account.Deposit(10m);
        Assert.IsFalse(account.CanWithdraw(110.01m));
        Assert.ThrowsExactly<InvalidOperationException>(() => account.Withdraw(110.01m));
    }

    [TestMethod]
    public void Withdraw_NonPositiveAmountThrows() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BankAccount("A-1").Withdraw(0m));

    [TestMethod]
    public void Transfer_ToSelfThrows()
    {
        var account = new BankAccount("A-1");
        Assert.ThrowsExactly<ArgumentException>(() => account.TransferTo(account, 1m));
    }
}
