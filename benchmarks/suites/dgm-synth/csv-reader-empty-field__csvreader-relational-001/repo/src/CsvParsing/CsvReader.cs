using System.Text;

namespace CsvParsing;

/// <summary>Reads RFC 4180 style CSV: quoted fields, doubled quotes, commas and newlines inside quotes.</summary>
public static class CsvReader
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        StringBuilder? field = null;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 > text.Length && text[i + 1] == '"')
                {
                    field!.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field!.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    field ??= new StringBuilder();
                    break;
                case ',':
                    fields.Add(field?.ToString() ?? "");
                    field = null;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field?.ToString() ?? "");
                    records.Add(fields);
                    fields = [];
                    field = null;
                    break;
                default:
                    (field ??= new StringBuilder()).Append(c);
                    break;
            }
        }

        if (field is not null || fields.Count > 0)
        {
            fields.Add(field?.ToString() ?? "");
            records.Add(fields);
        }

        return records;
    }
}
