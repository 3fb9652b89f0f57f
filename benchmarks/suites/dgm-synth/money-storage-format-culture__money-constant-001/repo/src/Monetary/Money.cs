using System.Globalization;

namespace Monetary;

/// <summary>An amount of money in one currency, rounded to the currency's minor unit.</summary>
public readonly record struct Money
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2,
        ["USD"] = 2,
        ["GBP"] = 2,
        ["CHF"] = 2,
        ["JPY"] = 0,
        ["KWD"] = 3,
    };

    private Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public int Decimals => MinorUnits[Currency];

    /// <summary>Creates an amount, rounding half away from zero to the currency's minor unit.</summary>
    public static Money Of(decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!MinorUnits.TryGetValue(currency, out var decimals))
        {
            throw new ArgumentException($"Unknown currency '{currency}'.", nameof(currency));
        }

        return new Money(Math.Round(amount, decimals, MidpointRounding.AwayFromZero), currency);
    }

    public static Money Zero(string currency) => Of(0m, currency);

    public Money Add(Money other) => Of(Amount + SameCurrency(other).Amount, Currency);

    public Money Subtract(Money other) => Of(Amount - SameCurrency(other).Amount, Currency);

    public Money Multiply(decimal factor) => Of(Amount * factor, Currency);

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>
    /// The culture-independent storage form, e.g. <c>"EUR 1234.50"</c> or <c>"JPY -300"</c>:
    /// currency code, one space, the amount with '.' as decimal point, no group separators and
    /// exactly the currency's number of decimals. <see cref="Parse"/> reads it back.
    /// </summary>
    public override string ToString() => $"{Currency} {Amount.ToString("F" + Decimals, CultureInfo.InvariantCulture)}";

    /// <summary>Reads the storage form written by <see cref="ToString"/>.</summary>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ');
        if (parts.Length != 2 || !MinorUnits.ContainsKey(parts[0]))
        {
            throw new FormatException($"'{text}' is not a stored money amount.");
        }

        var amount = decimal.Parse(parts[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return Of(amount, parts[0]);
    }

    /// <summary>A form for people to read, formatted with <paramref name="culture"/>: "1.234,50 EUR".</summary>
    public string ToDisplayString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return $"{Amount.ToString("N" + Decimals, culture)} {Currency}";
    }

    private Money SameCurrency(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
        }

        return other;
    }
}
