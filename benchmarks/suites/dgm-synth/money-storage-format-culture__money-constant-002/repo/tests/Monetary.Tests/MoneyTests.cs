using System.Globalization;

namespace Monetary.Tests;

[TestClass]
public sealed class MoneyTests
{
    private static T InCulture<T>(string name, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestMethod]
    public void Of_RoundsHalfAwayFromZeroToMinorUnit()
    {
        Assert.AreEqual(2.35m, Money.Of(2.345m, "EUR").Amount);
        Assert.AreEqual(-2.35m, Money.Of(-2.345m, "USD").Amount);
        Assert.AreEqual(1235m, Money.Of(1234.5m, "JPY").Amount);
    }

    [TestMethod]
    public void Add_DifferentCurrenciesThrows() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => Money.Of(1m, "EUR") + Money.Of(1m, "USD"));

    [TestMethod]
    public void ToString_UsesCurrencyDecimals()
    {
        Assert.AreEqual("EUR 1234.50", InCulture("en-US", () => Money.Of(1234.5m, "EUR").ToString()));
        Assert.AreEqual("JPY 300", InCulture("en-US", () => Money.Of(300m, "JPY").ToString()));
    }

    [TestMethod]
    public void ToDisplayString_UsesGivenCulture() =>
        Assert.AreEqual("1.234,50 EUR", Money.Of(1234.5m, "EUR").ToDisplayString(new CultureInfo("de-DE")));

    [TestMethod]
    public void ToString_OnGermanServerUsesDecimalPoint() =>
        Assert.AreEqual("EUR 1234.50", InCulture("de-DE", () => Money.Of(1234.5m, "EUR").ToString()));

    [TestMethod]
    public void ToString_NegativeKuwaitiDinarOnFrenchServer() =>
        Assert.AreEqual("KWD -0.125", InCulture("fr-FR", () => Money.Of(-0.125m, "KWD").ToString()));

    [TestMethod]
    public void Parse_RejectsUnknownCurrency() =>
        Assert.ThrowsExactly<FormatException>(() => Money.Parse("XYZ 1.00"));

    [TestMethod]
    public void Subtract_RoundsResult() => Assert.AreEqual(Money.Of(0.9m, "EUR"), Money.Of(1m, "EUR") - Money.Of(0.1m, "EUR"));

    [TestMethod]
    public void ToDisplayString_UsCulture() =>
        Assert.AreEqual("-1,234,567.00 USD", Money.Of(-1234567m, "USD").ToDisplayString(new CultureInfo("en-US")));
}
