namespace UnitConversion;

public static class Converter
{
    /// <summary>Converts <paramref name="value"/> from one unit to another of the same dimension.</summary>
    public static double Convert(double value, string from, string to)
    {
        var source = UnitCatalog.Get(from);
        var target = UnitCatalog.Get(to);
        if (source.Dimension != target.Dimension)
        {
            throw new InvalidOperationException(
                $"Cannot convert {source.Name} ({source.Dimension}) to {target.Name} ({target.Dimension}).");
        }

        return value * source.Factor / target.Factor;
    }

    /// <summary>
    /// Picks, among <paramref name="candidates"/>, the largest unit in which the value is at least 1 and
    /// converts the value to it. When the value is below 1 in every candidate, the smallest candidate is used.
    /// </summary>
    public static (double Value, string Unit) BestFit(double value, string unit, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var source = UnitCatalog.Get(unit);
        var units = candidates.Select(UnitCatalog.Get).OrderByDescending(u => u.Factor).ToList();
        if (units.Count == 0)
        {
            throw new ArgumentException("At least one candidate unit is required.", nameof(candidates));
        }

        var chosen = units.FirstOrDefault(u => Math.Abs(value) * source.Factor / u.Factor >= 1) ?? units[^1];
        return (Convert(value, source.Symbol, chosen.Symbol), chosen.Symbol);
    }
}
