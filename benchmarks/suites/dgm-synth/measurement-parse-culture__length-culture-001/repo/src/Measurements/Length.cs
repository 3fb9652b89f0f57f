using System.Globalization;

namespace Measurements;

/// <summary>A length, stored in metres; parses and prints the configuration format ("2.5m", "120cm", "3km").</summary>
public readonly record struct Length(double Metres)
{
    private static readonly (string Unit, double Factor)[] Units = [("km", 1000), ("cm", 0.01), ("mm", 0.001), ("m", 1)];

    public static Length Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var (unit, factor) in Units)
        {
            if (trimmed.EndsWith(unit, StringComparison.Ordinal))
            {
                var number = trimmed[..^unit.Length].Trim();
                if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return new Length(value * factor);
                }

                break;
            }
        }

        throw new FormatException($"'{text}' is not a length like 2.5m or 120cm.");
    }

    public override string ToString() => Metres.ToString("0.###", CultureInfo.CurrentCulture) + "m";
}
