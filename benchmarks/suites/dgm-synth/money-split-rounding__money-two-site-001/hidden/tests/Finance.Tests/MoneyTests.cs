namespace Finance.Tests;

[TestClass]
public sealed class MoneyTests
{
    [TestMethod]
    public void AddsAmountsInTheSameCurrency() => Assert.AreEqual(3.5m, Money.Of(1.25m, "eur").Add(Money.Of(2.25m, "EUR")).Amount);

    [TestMethod]
    public void RefusesToMixCurrencies() => Assert.ThrowsExactly<InvalidOperationException>(() => Money.Of(1, "EUR").Add(Money.Of(1, "USD")));

    [TestMethod]
    public void KeepsCents() => Assert.AreEqual(19.99m, Money.Of(19.99m, "USD").Amount);

    [TestMethod]
    public void RoundsHalfCentAwayFromZero() => Assert.AreEqual(10.01m, Money.Of(10.005m, "EUR").Amount);

    [TestMethod]
    public void SplitsIntoCentsThatAddUp()
    {
        var parts = new Money(100m, "EUR").Split(3);
        CollectionAssert.AreEqual(new[] { 33.34m, 33.33m, 33.33m }, parts.Select(p => p.Amount).ToArray());
    }

    [TestMethod]
    public void SplitPartsAlwaysSumToTheWhole()
    {
        foreach (var amount in new[] { 0.05m, 1m, 7.77m, 1234.56m })
        {
            for (var n = 1; n <= 7; n++)
            {
                Assert.AreEqual(amount, new Money(amount, "EUR").Split(n).Sum(p => p.Amount), $"{amount} / {n}");
            }
        }
    }

    [TestMethod]
    public void SplitOfOneCent() =>
        CollectionAssert.AreEqual(new[] { 0.01m, 0m }, new Money(0.01m, "EUR").Split(2).Select(p => p.Amount).ToArray());
}
