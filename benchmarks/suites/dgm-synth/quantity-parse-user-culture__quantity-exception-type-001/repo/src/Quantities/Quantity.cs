using System.Globalization;

namespace Quantities;

/// <summary>An amount of an ingredient, in grams or millilitres or a multiple of them.</summary>
public readonly record struct Quantity : IFormattable
{
    private static readonly Dictionary<string, (string BaseUnit, decimal Factor)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mg"] = ("g", 0.001m),
        ["g"] = ("g", 1m),
        ["kg"] = ("g", 1000m),
        ["ml"] = ("ml", 1m),
        ["cl"] = ("ml", 10m),
        ["dl"] = ("ml", 100m),
        ["l"] = ("ml", 1000m),
    };

    public Quantity(decimal value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!Units.ContainsKey(unit))
        {
            throw new ArgumentException($"Unknown unit '{unit}'.", nameof(unit));
        }

        Value = value;
        Unit = unit.ToLowerInvariant();
    }

    public decimal Value { get; }

    public string Unit { get; }

    /// <summary>Parses text like "250 g" or "1.5kg", with the number written for <paramref name="provider"/> (current culture when null).</summary>
    public static Quantity Parse(string text, IFormatProvider? provider = null) =>
        TryParse(text, provider, out var quantity) ? quantity : throw new FormatException($"'{text}' is not a quantity.");

    public static bool TryParse(string? text, IFormatProvider? provider, out Quantity result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var split = trimmed.Length;
        while (split > 0 && char.IsLetter(trimmed[split - 1]))
        {
            split--;
        }

        var number = trimmed[..split].TrimEnd();
        var unit = trimmed[split..];
        if (number.Length == 0 || !Units.ContainsKey(unit))
        {
            return false;
        }

        if (!decimal.TryParse(number, NumberStyles.Number, provider, out var value))
        {
            return false;
        }

        result = new Quantity(value, unit);
        return true;
    }

    /// <summary>The same amount in another unit of the same kind (for example kg to g).</summary>
    public Quantity ConvertTo(string unit)
    {
        if (!Units.TryGetValue(unit, out var target))
        {
            throw new ArgumentException($"Unknown unit '{unit}'.", nameof(unit));
        }

        var source = Units[Unit];
        if (source.BaseUnit != target.BaseUnit)
        {
            throw new ArgumentException($"Cannot convert {Unit} to {unit}.");
        }

        return new Quantity(Value * source.Factor / target.Factor, unit);
    }

    public Quantity Add(Quantity other) => new(Value + other.ConvertTo(Unit).Value, Unit);

    public override string ToString() => ToString(null, null);

    /// <summary>The number (format "0.###" unless given) for <paramref name="formatProvider"/>, a space and the unit.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Value.ToString(format ?? "0.###", formatProvider) + " " + Unit;
}
