using System.Text;

namespace DelimitedText;

/// <param name="Delimiter">Separates fields within a row.</param>
/// <param name="TrimUnquotedFields">Remove leading and trailing whitespace from unquoted fields.</param>
public sealed record CsvOptions(char Delimiter = ',', bool TrimUnquotedFields = false);

/// <summary>
/// Reads RFC 4180 style CSV. A field that starts with '"' is quoted: inside it delimiters and line
/// breaks are literal and "" stands for one quote. Quoted fields are always kept exactly as written;
/// unquoted fields are trimmed only when <see cref="CsvOptions.TrimUnquotedFields"/> is set.
/// Rows end at "\n" or "\r\n".
/// </summary>
public static class CsvReader
{
    public static IReadOnlyList<string[]> Parse(string text, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = options ?? new CsvOptions();
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool quoted = false;

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 <= text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '"' && field.Length == 0 && !quoted)
            {
                inQuotes = true;
                quoted = true;
            }
            else if (c == settings.Delimiter)
            {
                EndField();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                if (c == '\r')
                {
                    i++;
                }

                EndField();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new FormatException("The text ends inside a quoted field.");
        }

        if (field.Length > 0 || quoted || row.Count > 0)
        {
            EndField();
            rows.Add([.. row]);
        }

        return rows;

        void EndField()
        {
            string value = field.ToString();
            if (settings.TrimUnquotedFields && !quoted)
            {
                value = value.Trim();
            }

            row.Add(value);
            field.Clear();
            quoted = false;
        }
    }
}
