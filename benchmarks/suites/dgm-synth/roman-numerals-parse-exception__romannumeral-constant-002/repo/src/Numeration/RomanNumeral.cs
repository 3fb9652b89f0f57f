using System.Text;

namespace Numeration;

/// <summary>Converts between integers 1..3999 and Roman numerals in canonical (subtractive) form.</summary>
public static class RomanNumeral
{
    public const int MinValue = 1;
    public const int MaxValue = 3999;

    private static readonly (int Value, string Symbol)[] Table =
    {
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    };

    public static string ToRoman(int value)
    {
        if (value < MinValue || value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Only {MinValue}..{MaxValue} can be written.");
        }

        var builder = new StringBuilder();
        foreach (var (amount, symbol) in Table)
        {
            while (value >= amount)
            {
                builder.Append(symbol);
                value -= amount;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses a Roman numeral (case-insensitive). Throws <see cref="FormatException"/> when the
    /// text is not a canonical numeral for a value in 1..3999, e.g. "IIII", "VX" or "ABC".
    /// </summary>
    public static int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new FormatException("An empty string is not a Roman numeral.");
        }

        var upper = text.ToUpperInvariant();
        var total = 0;
        for (var i = 0; i < upper.Length; i++)
        {
            var current = DigitValue(upper[i]);
            var next = i + 1 < upper.Length ? DigitValue(upper[i + 1]) : 0;
            total += current < next ? -current : current;
        }

        if (total < MinValue || total > MaxValue || ToRoman(total) != upper)
        {
            throw new FormatException($"'{text}' is not a canonical Roman numeral.");
        }

        return total;
    }

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing for invalid text.</summary>
    public static bool TryParse(string? text, out int value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        try
        {
            value = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static int DigitValue(char digit) => digit switch
    {
        'I' => 0,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        'M' => 1000,
        _ => throw new FormatException($"'{digit}' is not a Roman numeral digit."),
    };
}
