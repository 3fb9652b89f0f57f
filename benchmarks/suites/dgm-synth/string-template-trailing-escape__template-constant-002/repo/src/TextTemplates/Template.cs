using System.Globalization;
using System.Text;

namespace TextTemplates;

/// <summary>
/// A text template with placeholders: <c>"Hello {name}, you owe {total:F2}."</c>
/// Write <c>{{</c> and <c>}}</c> for literal braces. Values are formatted with the invariant culture.
/// </summary>
public sealed class Template
{
    private readonly IReadOnlyList<Segment> _segments;

    private Template(IReadOnlyList<Segment> segments)
    {
        _segments = segments;
    }

    /// <summary>Names of the placeholders, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders =>
        _segments.Where(s => s.IsPlaceholder).Select(s => s.Text).Distinct(StringComparer.Ordinal).ToList();

    public static Template Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '}' && IsDoubled(text, i))
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new FormatException($"Unexpected '}}' at position {i}.");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new FormatException($"Unclosed placeholder at position {i}.");
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), false, null));
                literal.Clear();
            }

            segments.Add(ParsePlaceholder(text.Substring(i + 1, close - i - 0), i));
            i = close;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), false, null));
        }

        return new Template(segments);
    }

    /// <summary>Renders the template; a placeholder without a value throws <see cref="KeyNotFoundException"/>.</summary>
    public string Render(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (!segment.IsPlaceholder)
            {
                builder.Append(segment.Text);
                continue;
            }

            if (!values.TryGetValue(segment.Text, out var value))
            {
                throw new KeyNotFoundException($"No value for placeholder '{segment.Text}'.");
            }

            builder.Append(value switch
            {
                null => "",
                IFormattable formattable => formattable.ToString(segment.Format, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool IsDoubled(string text, int index) =>
        index + 1 < text.Length && text[index + 1] == text[index];

    private static Segment ParsePlaceholder(string body, int position)
    {
        var colon = body.IndexOf(':');
        var name = (colon < 0 ? body : body[..colon]).Trim();
        if (name.Length == 0 || name.Contains('{'))
        {
            throw new FormatException($"Invalid placeholder at position {position}.");
        }

        var format = colon < 0 ? null : body[(colon + 1)..];
        return new Segment(name, true, format);
    }

    private sealed record Segment(string Text, bool IsPlaceholder, string? Format);
}
