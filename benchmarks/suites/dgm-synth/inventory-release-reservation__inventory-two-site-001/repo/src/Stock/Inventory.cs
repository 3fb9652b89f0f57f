namespace Stock;

/// <summary>Stock levels with reservations for open orders.</summary>
public sealed class Inventory
{
    private readonly Dictionary<string, int> _onHand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reserved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Sku, int Quantity)> _reservations = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Reservations => _reservations.Keys;

    public void Receive(string sku, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        _onHand[sku] = _onHand.GetValueOrDefault(sku) + quantity;
    }

    public int Available(string sku) => _onHand.GetValueOrDefault(sku) - _reserved.GetValueOrDefault(sku);

    public bool TryReserve(string orderId, string sku, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (_reservations.ContainsKey(orderId) || Available(sku) < quantity)
        {
            return false;
        }

        _reserved[sku] = _reserved.GetValueOrDefault(sku) - quantity;
        _reservations[orderId] = (sku, quantity);
        return true;
    }

    public void Release(string orderId)
    {
        if (!_reservations.Remove(orderId, out var reservation))
        {
            throw new KeyNotFoundException($"No reservation for order '{orderId}'.");
        }

        _reserved[reservation.Sku] -= reservation.Quantity;
    }

    public void Ship(string orderId)
    {
        if (!_reservations.Remove(orderId, out var reservation))
        {
            throw new KeyNotFoundException($"No reservation for order '{orderId}'.");
        }

        _reserved[reservation.Sku] -= reservation.Quantity;
        _onHand[reservation.Sku] += reservation.Quantity;
    }
}
