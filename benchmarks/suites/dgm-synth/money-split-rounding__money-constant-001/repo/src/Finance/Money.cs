namespace Finance;

/// <summary>An amount in a currency, always held to the cent.</summary>
public sealed record Money
{
    public const int Decimals = 2;

    public Money(decimal amount, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        Amount = Math.Round(amount, Decimals, MidpointRounding.AwayFromZero);
        Currency = currency.ToUpperInvariant();
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Of(decimal amount, string currency) => new(amount, currency);

    public Money Add(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
        }

        return new Money(Amount + other.Amount, Currency);
    }

    /// <summary>Splits into n parts that differ by at most one cent and add up exactly; larger parts first.</summary>
    public IReadOnlyList<Money> Split(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 2);
        var unit = 0.01m;
        var units = (long)(Amount / unit);
        var baseUnits = units / parts;
        var remainder = units % parts;
        return [.. Enumerable.Range(0, parts).Select(i => new Money((baseUnits + (i < remainder ? 1 : 0)) * unit, Currency))];
    }
}
