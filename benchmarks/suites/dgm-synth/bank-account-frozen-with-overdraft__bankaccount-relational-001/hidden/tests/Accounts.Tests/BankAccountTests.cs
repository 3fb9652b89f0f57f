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
    public void Withdraw_WithinBalance()
    {
        var account = new BankAccount("A-1");
        account.Deposit(50m);
        account.Withdraw(20m);
        Assert.AreEqual(30m, account.Balance);
    }

    [TestMethod]
    public void Withdraw_BeyondBalanceWithoutOverdraftThrows()
    {
        var account = new BankAccount("A-1");
        account.Deposit(50m);
        Assert.ThrowsExactly<InvalidOperationException>(() => account.Withdraw(50.01m));
        Assert.AreEqual(50m, account.Balance);
    }

    [TestMethod]
    public void Withdraw_IntoOverdraftUpToLimit()
    {
        var account = new BankAccount("A-1", overdraftLimit: 100m);
        account.Deposit(50m);
        account.Withdraw(150m);
        Assert.AreEqual(-100m, account.Balance);
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
    public void Frozen_WithOverdraftRefusesWithdrawal()
    {
        var account = new BankAccount("A-1", overdraftLimit: 500m);
        account.Deposit(100m);
        account.Freeze();
        Assert.ThrowsExactly<InvalidOperationException>(() => account.Withdraw(10m));
        Assert.AreEqual(100m, account.Balance);
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
    public void Frozen_AcceptsDeposits()
    {
        var account = new BankAccount("A-1", overdraftLimit: 100m);
        account.Freeze();
        account.Deposit(25m);
        Assert.AreEqual(25m, account.Balance);
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
    public void Transfer_MovesMoneyAndRecordsBothSides()
    {
        var source = new BankAccount("A-1", overdraftLimit: 50m);
        var target = new BankAccount("B-2");
        source.TransferTo(target, 30m);
        Assert.AreEqual(-30m, source.Balance);
        Assert.AreEqual(30m, target.Balance);
        Assert.AreEqual("Transfer to B-2", source.History.Single().Description);
        Assert.AreEqual("Transfer from A-1", target.History.Single().Description);
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
