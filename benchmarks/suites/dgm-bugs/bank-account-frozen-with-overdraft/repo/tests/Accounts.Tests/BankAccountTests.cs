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
}
