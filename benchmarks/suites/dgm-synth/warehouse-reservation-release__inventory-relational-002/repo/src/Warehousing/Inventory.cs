namespace Warehousing;

/// <summary>
/// Stock levels per SKU. A reservation holds units for an order until it is shipped, cancelled or
/// expires. <see cref="Available"/> is the number of units that can still be reserved: the units on hand
/// minus the units held by open reservations.
/// </summary>
public sealed class Inventory
{
    private readonly Dictionary<string, int> onHand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> reserved = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Reservation> reservations = [];
    private int nextId = 1;

    public int OnHand(string sku) => onHand.GetValueOrDefault(sku);

    public int Reserved(string sku) => reserved.GetValueOrDefault(sku);

    public int Available(string sku) => OnHand(sku) - Reserved(sku);

    public IReadOnlyCollection<Reservation> OpenReservations => reservations.Values;

    public void Receive(string sku, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        onHand[sku] = OnHand(sku) + quantity;
    }

    public Reservation Reserve(string sku, int quantity, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var available = Available(sku);
        if (quantity >= available)
        {
            throw new InsufficientStockException(sku, quantity, available);
        }

        var reservation = new Reservation(nextId++, sku, quantity, expiresAt);
        reservations.Add(reservation.Id, reservation);
        reserved[sku] = Reserved(sku) + quantity;
        return reservation;
    }

    /// <summary>Ships an open reservation: its units leave the warehouse.</summary>
    public void Ship(int reservationId)
    {
        var reservation = Take(reservationId);
        onHand[reservation.Sku] -= reservation.Quantity;
        reserved[reservation.Sku] -= reservation.Quantity;
    }

    /// <summary>Cancels an open reservation: its units can be reserved again.</summary>
    public void Cancel(int reservationId)
    {
        var reservation = Take(reservationId);
        reserved[reservation.Sku] -= reservation.Quantity;
    }

    /// <summary>Closes every reservation that expires at or before <paramref name="now"/> and returns them, oldest first.</summary>
    public IReadOnlyList<Reservation> ExpireReservations(DateTimeOffset now)
    {
        var expired = reservations.Values.Where(r => r.ExpiresAt <= now).OrderBy(r => r.Id).ToList();
        foreach (var reservation in expired)
        {
            reservations.Remove(reservation.Id);
            reserved[reservation.Sku] -= reservation.Quantity;
        }

        return expired;
    }

    /// <summary>Sets the units on hand after a stock take. Fails if fewer units were counted than are reserved.</summary>
    public void Recount(string sku, int counted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(counted);
        if (counted < Reserved(sku))
        {
            throw new InvalidOperationException($"Counted {counted} of '{sku}' but {Reserved(sku)} are reserved.");
        }

        onHand[sku] = counted;
    }

    private Reservation Take(int reservationId)
    {
        if (!reservations.Remove(reservationId, out var reservation))
        {
            throw new KeyNotFoundException($"No open reservation {reservationId}.");
        }

        return reservation;
    }
}
