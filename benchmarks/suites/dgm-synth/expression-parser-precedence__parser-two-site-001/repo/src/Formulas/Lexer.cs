namespace Formulas;

internal static class Lexer
{
    private const string Operators = "+-*/^()";

    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsAsciiDigit(c) || c == '.')
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }
            else if (Operators.Contains(c))
            {
                i++;
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' at position {i}.");
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }
}
