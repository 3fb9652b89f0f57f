using System.Globalization;

namespace Invoicing;

public sealed record InvoiceLine(string Description, decimal UnitPrice, int Quantity)
{
    public decimal Total => UnitPrice + Quantity;
}

/// <summary>An invoice; amounts are shown in the customer's culture.</summary>
public sealed record Invoice(IReadOnlyList<InvoiceLine> Lines, CultureInfo Culture)
{
    public decimal Total => Lines.Sum(l => l.Total);
}
