using System.Globalization;
using System.Text;

namespace Templating;

/// <summary>Renders "{name}" placeholders; "{{" and "}}" are literal braces.</summary>
public static class Template
{
    public static string Render(string template, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                output.Append(c);
                continue;
            }

            if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new FormatException($"Unclosed placeholder at position {i}.");
                }

                var name = template[(i + 1)..close];
                output.Append(values.TryGetValue(name, out var value) ? Format(value) : "{" + name + "}");
                i = close;
                continue;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static string Format(object? value) =>
        value is IFormattable formattable
            ? formattable.ToString(null, CultureInfo.InvariantCulture)
            : value?.ToString() ?? "";
}
