namespace Bookkeeping.Tests;

[TestClass]
public sealed class LedgerTests
{
    private static DateOnly March(int day) => new(2024, 3, day);

    private static Ledger SampleLedger()
    {
        var ledger = new Ledger();
        ledger.Post(March(1), "Owner investment", new Posting("Cash", 1000m), new Posting("Equity", -1000m));
        ledger.Post(March(4), "Buy stock", new Posting("Inventory", 300m), new Posting("Cash", -300m));
        ledger.Post(March(9), "Sale", new Posting("Cash", 250m), new Posting("Revenue", -250m));
        return ledger;
    }

    [TestMethod]
    public void Post_RejectsUnbalancedEntry() =>
        Assert.ThrowsExactly<InvalidOperationException>(() =>
            new Ledger().Post(March(1), "Typo", new Posting("Cash", 100m), new Posting("Revenue", -10m)));

    [TestMethod]
    public void Post_RejectsSinglePosting() =>
        Assert.ThrowsExactly<ArgumentException>(() => new Ledger().Post(March(1), "Half", new Posting("Cash", 0m)));

    [TestMethod]
    public void BalanceOf_SumsDebitsAndCredits() => Assert.AreEqual(950m, SampleLedger().BalanceOf("Cash", March(31)));

    [TestMethod]
    public void BalanceOf_IgnoresLaterEntries() => Assert.AreEqual(700m, SampleLedger().BalanceOf("Cash", March(5)));

    [TestMethod]
    public void TrialBalance_SumsToZero()
    {
        var trial = SampleLedger().TrialBalance(March(31));
        Assert.AreEqual(4, trial.Count);
        Assert.AreEqual(0m, trial.Values.Sum());
        Assert.AreEqual(-250m, trial["Revenue"]);
    }

    [TestMethod]
    public void BalanceOf_UnknownAccountIsZero() => Assert.AreEqual(0m, SampleLedger().BalanceOf("Loans", March(31)));

    [TestMethod]
    public void BalanceOf_IncludesBackdatedEntry()
    {
        var ledger = new Ledger();
        ledger.Post(March(1), "Owner investment", new Posting("Cash", 1000m), new Posting("Equity", -1000m));
        ledger.Post(March(10), "Sale", new Posting("Cash", 100m), new Posting("Revenue", -100m));
        ledger.Post(March(5), "Late invoice", new Posting("Receivables", 40m), new Posting("Revenue", -40m));
        Assert.AreEqual(40m, ledger.BalanceOf("Receivables", March(7)));
        Assert.AreEqual(-40m, ledger.BalanceOf("Revenue", March(7)));
        Assert.AreEqual(-140m, ledger.BalanceOf("Revenue", March(31)));
    }

    [TestMethod]
    public void BalanceOf_FutureEntryPostedFirst()
    {
        var ledger = new Ledger();
        ledger.Post(new DateOnly(2024, 4, 1), "Prepaid rent", new Posting("Rent", 500m), new Posting("Cash", -500m));
        ledger.Post(March(2), "Loan", new Posting("Cash", 2000m), new Posting("Loans", -2000m));
        Assert.AreEqual(2000m, ledger.BalanceOf("Cash", March(31)));
        Assert.AreEqual(1500m, ledger.BalanceOf("Cash", new DateOnly(2024, 4, 30)));
    }

    [TestMethod]
    public void TrialBalance_IncludesBackdatedEntry()
    {
        var ledger = SampleLedger();
        ledger.Post(March(2), "Correction", new Posting("Equity", 100m), new Posting("Cash", -100m));
        var trial = ledger.TrialBalance(March(3));
        Assert.AreEqual(900m, trial["Cash"]);
        Assert.AreEqual(-900m, trial["Equity"]);
        Assert.AreEqual(0m, trial.Values.Sum());
    }

    [TestMethod]
    public void Statement_ListsPostingsInDateOrder()
    {
        var ledger = SampleLedger();
        var lines = ledger.Statement("Cash", March(1), March(31));
        CollectionAssert.AreEqual(new[] { "Owner investment", "Buy stock", "Sale" }, lines.Select(l => l.Description).ToArray());
        CollectionAssert.AreEqual(new[] { 1000m, 700m, 950m }, lines.Select(l => l.Balance).ToArray());
    }

    [TestMethod]
    public void Accounts_AreListedOnce() =>
        CollectionAssert.AreEqual(new[] { "Cash", "Equity", "Inventory", "Revenue" }, SampleLedger().Accounts.ToArray());
}
