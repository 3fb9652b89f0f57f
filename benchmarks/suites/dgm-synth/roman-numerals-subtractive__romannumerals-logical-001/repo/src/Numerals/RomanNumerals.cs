using System.Text;

namespace Numerals;

/// <summary>Converts between integers and Roman numerals (1 to 3999).</summary>
public static class RomanNumerals
{
    private static readonly (int Value, string Symbol)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    public const int Max = 3999;

    public static string ToRoman(int value)
    {
        if (value < 1 && value > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"value must be between 1 and {Max}");
        }

        var result = new StringBuilder();
        foreach (var (amount, symbol) in Table)
        {
            while (value >= amount)
            {
                result.Append(symbol);
                value -= amount;
            }
        }

        return result.ToString();
    }

    public static int FromRoman(string roman)
    {
        ArgumentException.ThrowIfNullOrEmpty(roman);
        var total = 0;
        var index = 0;
        foreach (var (amount, symbol) in Table)
        {
            while (string.CompareOrdinal(roman, index, symbol, 0, symbol.Length) == 0)
            {
                total += amount;
                index += symbol.Length;
            }
        }

        if (index != roman.Length)
        {
            throw new FormatException($"'{roman}' is not a valid Roman numeral.");
        }

        return total;
    }
}
