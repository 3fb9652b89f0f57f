using System.Text;

namespace Tokenizing;

/// <summary>
/// Splits source text into identifiers, numbers, double-quoted strings and symbols.
/// Whitespace and '#' comments (to the end of the line) are skipped.
/// </summary>
public static class Tokenizer
{
    private static readonly HashSet<string> TwoCharSymbols = ["==", "!=", "<=", ">=", "&&", "||", "->"];

    public static IReadOnlyList<Token> Tokenize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);

        var tokens = new List<Token>();
        int line = 1;
        int lineStart = 0; // index of the first character of the current line
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            int start = i;
            int column = start - lineStart + 1;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, source[start..i], line, column));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, source[start..i], line, column));
            }
            else if (c == '"')
            {
                i = ReadString(source, i + 1, line, column, out string text);
                tokens.Add(new Token(TokenKind.String, text, line, column));
            }
            else
            {
                i += i + 1 < source.Length && TwoCharSymbols.Contains(source.Substring(i, 2)) ? 2 : 1;
                tokens.Add(new Token(TokenKind.Symbol, source[start..i], line, column));
            }
        }

        return tokens;
    }

    /// <summary>Reads a string body starting after the opening quote; returns the index after the closing quote.</summary>
    private static int ReadString(string source, int i, int line, int column, out string text)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (i >= source.Length || source[i] == '\n')
            {
                throw new TokenizerException("Unterminated string", line, column);
            }

            char c = source[i];
            if (c == '"')
            {
                text = builder.ToString();
                return i + 1;
            }

            if (c == '\\' && i + 1 < source.Length)
            {
                builder.Append(source[i + 1] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    var other => other,
                });
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }
    }
}
