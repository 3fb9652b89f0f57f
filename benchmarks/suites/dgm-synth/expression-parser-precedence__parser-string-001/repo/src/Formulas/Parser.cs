using System.Globalization;

namespace Formulas;

internal sealed class Parser(List<string> tokens, IReadOnlyDictionary<string, double> variables)
{
    private const int PowerPrecedence = 3;

    private int _position;

    public double ParseFormula()
    {
        double value = ParseBinary(0);
        if (_position < tokens.Count)
        {
            throw new FormatException($"Unexpected '{tokens[_position]}' at token {_position + 1}.");
        }

        return value;
    }

    private static int? Precedence(string token) => token switch
    {
        "+" or "" => 1,
        "*" or "/" => 2,
        "^" => PowerPrecedence,
        _ => null,
    };

    private static bool IsRightAssociative(string op) => op == "^";

    // Precedence climbing.
    private double ParseBinary(int minPrecedence)
    {
        double left = ParseUnary();
        while (_position < tokens.Count && Precedence(tokens[_position]) is int precedence && precedence >= minPrecedence)
        {
            string op = tokens[_position++];
            double right = ParseBinary(IsRightAssociative(op) ? precedence : precedence + 1);
            left = Apply(op, left, right);
        }

        return left;
    }

    private double ParseUnary()
    {
        if (_position < tokens.Count && tokens[_position] == "-")
        {
            _position++;
            return -ParseBinary(PowerPrecedence);
        }

        return ParsePrimary();
    }

    private double ParsePrimary()
    {
        if (_position >= tokens.Count)
        {
            throw new FormatException("Unexpected end of formula.");
        }

        string token = tokens[_position++];
        if (token == "(")
        {
            double inner = ParseBinary(0);
            if (_position >= tokens.Count || tokens[_position] != ")")
            {
                throw new FormatException("Missing ')'.");
            }

            _position++;
            return inner;
        }

        if (char.IsAsciiDigit(token[0]) || token[0] == '.')
        {
            return double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
                ? number
                : throw new FormatException($"Invalid number '{token}'.");
        }

        if (char.IsLetter(token[0]))
        {
            return variables.TryGetValue(token, out double value)
                ? value
                : throw new KeyNotFoundException($"Unknown variable '{token}'.");
        }

        throw new FormatException($"Unexpected '{token}'.");
    }

    private static double Apply(string op, double left, double right) => op switch
    {
        "+" => left + right,
        "-" => left - right,
        "*" => left * right,
        "/" => left / right,
        "^" => Math.Pow(left, right),
        _ => throw new InvalidOperationException($"Unknown operator '{op}'."),
    };
}
