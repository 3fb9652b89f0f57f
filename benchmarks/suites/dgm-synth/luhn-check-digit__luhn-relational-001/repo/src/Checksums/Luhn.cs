namespace Checksums;

/// <summary>The Luhn (mod 10) checksum used by payment card numbers.</summary>
public static class Luhn
{
    public static bool IsValid(string number)
    {
        var digits = Digits(number);
        return digits.Count > 1 && Sum(digits, doubleFirst: false) % 10 == 0;
    }

    /// <summary>The digit to append so that the number becomes valid.</summary>
    public static int CheckDigit(string partial)
    {
        var digits = Digits(partial);
        return (10 - (Sum(digits, doubleFirst: true) % 10)) % 10;
    }

    private static int Sum(IReadOnlyList<int> digits, bool doubleFirst)
    {
        var sum = 0;
        var doubleIt = doubleFirst;
        for (var i = digits.Count - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubleIt)
            {
                d *= 2;
                if (d < 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum;
    }

    private static List<int> Digits(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digits = new List<int>();
        foreach (var c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c - '0');
            }
            else if (c is not (' ' or '-'))
            {
                throw new FormatException($"'{c}' is not allowed in a card number.");
            }
        }

        return digits;
    }
}
