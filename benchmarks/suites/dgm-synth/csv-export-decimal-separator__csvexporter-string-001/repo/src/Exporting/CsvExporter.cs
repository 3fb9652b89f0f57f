using System.Globalization;
using System.Text;

namespace Exporting;

public sealed record SaleRow(string Product, decimal Price, int Quantity, DateOnly Date);

/// <summary>Writes sales as CSV in a fixed, culture-independent format.</summary>
public static class CsvExporter
{
    public static string Write(IEnumerable<SaleRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder("");
        foreach (var row in rows)
        {
            text.Append(Escape(row.Product)).Append(',')
                .Append(row.Price.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
