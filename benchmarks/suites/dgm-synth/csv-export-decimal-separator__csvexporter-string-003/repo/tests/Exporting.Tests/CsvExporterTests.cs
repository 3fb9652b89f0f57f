using System.Globalization;

namespace Exporting.Tests;

[TestClass]
public sealed class CsvExporterTests
{
    private static readonly SaleRow Tea = new("tea", 3.5m, 2, new DateOnly(2024, 3, 1));

    private static string InCulture(string name, Func<string> action)
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
    public void WritesHeaderAndRows() =>
        Assert.AreEqual("product,price,quantity,date\ntea,3.5,2,2024-03-01\n", InCulture("en-US", () => CsvExporter.Write([Tea])));

    [TestMethod]
    public void GermanCultureStillUsesDots() =>
        Assert.AreEqual("product,price,quantity,date\ntea,3.5,2,2024-03-01\n", InCulture("de-DE", () => CsvExporter.Write([Tea])));

    [TestMethod]
    public void FrenchCultureStillUsesDots() =>
        StringAssert.Contains(InCulture("fr-FR", () => CsvExporter.Write([Tea with { Price = 1234.75m }])), ",1234.75,");

    [TestMethod]
    public void EveryRowHasFourFieldsInAnyCulture()
    {
        foreach (var culture in new[] { "de-DE", "fr-FR", "en-GB", "pt-BR" })
        {
            var lines = InCulture(culture, () => CsvExporter.Write([Tea, Tea with { Price = 0.99m }])).TrimEnd('\n').Split('\n');
            Assert.IsTrue(lines.All(l => l.Split(',').Length == 4), culture);
        }
    }

    [TestMethod]
    public void QuotesAreDoubled() =>
        StringAssert.Contains(InCulture("en-US", () => CsvExporter.Write([Tea with { Product = "5\" tile" }])), "\"5\"\" tile\"");
}
