using System.Globalization;

namespace Invoicing;

/// <summary>Formats and parses invoice amounts in the invoice's culture.</summary>
public static class InvoiceFormatter
{
    public static string FormatTotal(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Total.ToString("C2", invoice.Culture);
    }

    public static string FormatLine(InvoiceLine line, Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(invoice);
        return $"{line.Description}: {line.Quantity} x {line.UnitPrice.ToString("C2", invoice.Culture)}";
    }

    public static decimal ParseAmount(string text, Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return decimal.Parse(text, NumberStyles.Number, invoice.Culture);
    }
}
