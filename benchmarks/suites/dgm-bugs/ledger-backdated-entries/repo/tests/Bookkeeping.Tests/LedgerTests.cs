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
}
