namespace UnitConversion;

public enum Dimension
{
    Length,
    Mass,
    Volume,
}

/// <summary>A unit of measure. <see cref="Factor"/> is the size of one unit expressed in the base unit of its dimension.</summary>
public sealed record Unit(string Symbol, string Name, Dimension Dimension, double Factor);

/// <summary>
/// The supported units. Base units: metre, kilogram, litre. Volumes other than the metric ones are
/// US customary units. Symbols are case-insensitive.
/// </summary>
public static class UnitCatalog
{
    private static readonly Dictionary<string, Unit> Units = new(StringComparer.OrdinalIgnoreCase);

    static UnitCatalog()
    {
        Add("m", "metre", Dimension.Length, 1);
        Add("km", "kilometre", Dimension.Length, 1000);
        Add("cm", "centimetre", Dimension.Length, 0.01);
        Add("mm", "millimetre", Dimension.Length, 0.001);
        Add("in", "inch", Dimension.Length, 0.0254);
        Add("ft", "foot", Dimension.Length, 0.3048);
        Add("yd", "yard", Dimension.Length, 0.9144);
        Add("mi", "mile", Dimension.Length, 1609.344);

        Add("kg", "kilogram", Dimension.Mass, 1);
        Add("g", "gram", Dimension.Mass, 0.001);
        Add("t", "tonne", Dimension.Mass, 1000);
        Add("lb", "pound", Dimension.Mass, 0.45359237);
        Add("oz", "ounce", Dimension.Mass, 0.028349523125);

        Add("l", "litre", Dimension.Volume, 1);
        Add("ml", "millilitre", Dimension.Volume, 0.001);
        Add("gal", "US gallon", Dimension.Volume, 3.785411784);
        Add("pt", "US pint", Dimension.Volume, 0.473176473);
        Add("cup", "US cup", Dimension.Volume, 0.2365882365);
        Add("floz", "US fluid ounce", Dimension.Volume, 0.0295735295625);
    }

    public static Unit Get(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Units.TryGetValue(symbol.Trim(), out var unit)
            ? unit
            : throw new ArgumentException($"Unknown unit '{symbol}'.", nameof(symbol));
    }

    public static IReadOnlyList<Unit> All(Dimension dimension) =>
        Units.Values.Where(u => u.Dimension == dimension).OrderBy(u => u.Factor).ToList();

    private static void Add(string symbol, string name, Dimension dimension, double factor) =>
        Units.Add(symbol, new Unit(symbol, name, dimension, factor));
}
