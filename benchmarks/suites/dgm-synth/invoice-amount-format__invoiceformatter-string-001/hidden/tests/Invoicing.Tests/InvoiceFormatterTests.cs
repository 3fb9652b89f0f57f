using System.Globalization;

namespace Invoicing.Tests;

[TestClass]
public sealed class InvoiceFormatterTests
{
    private static Invoice For(string culture) => new([new InvoiceLine("Widget", 411.50m, 3)], new CultureInfo(culture));

    private static T OnServer<T>(string culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
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
    public void UsTotalOnUsServer() => Assert.AreEqual("$1,234.50", OnServer("en-US", () => InvoiceFormatter.FormatTotal(For("en-US"))));

    [TestMethod]
    public void LineUsesCustomerCulture() =>
        Assert.AreEqual("Widget: 3 x 411,50 €", OnServer("en-US", () => InvoiceFormatter.FormatLine(For("de-DE").Lines[0], For("de-DE"))).Replace('\u00A0', ' '));

    [TestMethod]
    public void GermanTotalOnUsServer() =>
        Assert.AreEqual("1.234,50 €", OnServer("en-US", () => InvoiceFormatter.FormatTotal(For("de-DE"))).Replace('\u00A0', ' '));

    [TestMethod]
    public void GermanAmountParsesOnUsServer() => Assert.AreEqual(1234.50m, OnServer("en-US", () => InvoiceFormatter.ParseAmount("1.234,50", For("de-DE"))));

    [TestMethod]
    public void UsAmountParsesOnGermanServer() => Assert.AreEqual(1234.50m, OnServer("de-DE", () => InvoiceFormatter.ParseAmount("1,234.50", For("en-US"))));

    [TestMethod]
    public void UsTotalOnGermanServer() => Assert.AreEqual("$1,234.50", OnServer("de-DE", () => InvoiceFormatter.FormatTotal(For("en-US"))));

    [TestMethod]
    public void FormattedTotalParsesBack()
    {
        var invoice = For("fr-FR");
        var shown = OnServer("en-US", () => InvoiceFormatter.FormatTotal(invoice));
        var digits = new string(shown.Where(c => char.IsDigit(c) || c == ',').ToArray());
        Assert.AreEqual(invoice.Total, OnServer("en-US", () => InvoiceFormatter.ParseAmount(digits, invoice)));
    }
}
