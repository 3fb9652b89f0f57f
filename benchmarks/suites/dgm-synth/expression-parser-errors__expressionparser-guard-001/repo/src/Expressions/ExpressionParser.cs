using System.Globalization;

namespace Expressions;

/// <summary>Evaluates + - * / with parentheses and unary minus. Malformed input throws FormatException.</summary>
public sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static double Evaluate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        var value = parser.ParseSum();
        parser.SkipSpaces();
        if (parser._pos != text.Length)
        {
            throw new FormatException($"Unexpected '{text[parser._pos]}' at position {parser._pos}.");
        }

        return value;
    }

    private double ParseSum()
    {
        var value = ParseProduct();
        while (TryConsume('+', '-', out var op))
        {
            var right = ParseProduct();
            value = op == '+' ? value + right : value - right;
        }

        return value;
    }

    private double ParseProduct()
    {
        var value = ParseFactor();
        while (TryConsume('*', '/', out var op))
        {
            var right = ParseFactor();

            value = op == '*' ? value * right : value / right;
        }

        return value;
    }

    private double ParseFactor()
    {
        SkipSpaces();
        if (_pos >= _text.Length)
        {
            throw new FormatException($"Unexpected end of expression at position {_pos}.");
        }

        var c = _text[_pos];
        if (c == '-')
        {
            _pos++;
            return -ParseFactor();
        }

        if (c == '(')
        {
            _pos++;
            var inner = ParseSum();
            SkipSpaces();
            if (_pos >= _text.Length || _text[_pos] != ')')
            {
                throw new FormatException($"Missing ')' at position {_pos}.");
            }

            _pos++;
            return inner;
        }

        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        if (start == _pos)
        {
            throw new FormatException($"Expected a number at position {start}.");
        }

        return double.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture);
    }

    private bool TryConsume(char a, char b, out char op)
    {
        SkipSpaces();
        op = _pos < _text.Length ? _text[_pos] : '\0';
        if (op == a || op == b)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }
}
