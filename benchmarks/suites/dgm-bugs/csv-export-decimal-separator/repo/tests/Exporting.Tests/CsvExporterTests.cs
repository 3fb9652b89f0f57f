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
    public void QuotesFieldsWithCommas() =>
        StringAssert.Contains(InCulture("en-US", () => CsvExporter.Write([Tea with { Product = "tea, green" }])), "\"tea, green\"");

    [TestMethod]
    public void GermanCultureStillUsesDots() =>
        Assert.AreEqual("product,price,quantity,date\ntea,3.5,2,2024-03-01\n", InCulture("de-DE", () => CsvExporter.Write([Tea])));
}
