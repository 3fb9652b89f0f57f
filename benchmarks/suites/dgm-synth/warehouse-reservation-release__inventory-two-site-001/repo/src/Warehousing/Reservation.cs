namespace Warehousing;

/// <summary>Units of one SKU held for an order until <see cref="ExpiresAt"/>.</summary>
public sealed record Reservation(int Id, string Sku, int Quantity, DateTimeOffset ExpiresAt);

/// <summary>Thrown when a reservation asks for more units than are available.</summary>
public sealed class InsufficientStockException(string sku, int requested, int available)
    : InvalidOperationException($"Cannot reserve {requested} of '{sku}': only {available} available.")
{
    public string Sku { get; } = sku;

    public int Requested { get; } = requested;

    public int Available { get; } = available;
}
