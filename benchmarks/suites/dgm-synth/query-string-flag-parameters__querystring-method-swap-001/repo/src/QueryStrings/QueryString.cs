using System.Globalization;
using System.Text;

namespace QueryStrings;

/// <summary>
/// Builds and parses URL query strings. A parameter whose value is null is a flag and is written without
/// "=" (<c>?verbose</c>); an empty value is written as <c>?name=</c>. Names and values are percent-encoded
/// (RFC 3986); when parsing, '+' is also read as a space. Parameters keep their order and names may repeat.
/// </summary>
public sealed class QueryString
{
    private readonly List<KeyValuePair<string, string?>> parameters = [];

    public IReadOnlyList<KeyValuePair<string, string?>> Parameters => parameters;

    public QueryString Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        parameters.Add(new(name, value));
        return this;
    }

    public QueryString Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public QueryString Add(string name, bool value) => Add(name, value ? "true" : "false");

    public bool Has(string name) => parameters.Exists(p => p.Key == name);

    /// <summary>The values of the parameters called <paramref name="name"/>, in order; null for flags.</summary>
    public IReadOnlyList<string?> GetAll(string name) =>
        parameters.Where(p => p.Key == name).Select(p => p.Value).ToList();

    public QueryString Remove(string name)
    {
        parameters.RemoveAll(p => p.Key == name);
        return this;
    }

    /// <summary>The query string with its leading '?', or an empty string when there are no parameters.</summary>
    public override string ToString()
    {
        if (parameters.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("?");
        foreach (var (name, value) in parameters)
        {
            if (text.Length > 1)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(name));
            if (value is not null)
            {
                text.Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return text.ToString();
    }

    /// <summary>Parses a query string, with or without its leading '?'.</summary>
    public static QueryString Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new QueryString();
        var text = query.EndsWith('?') ? query[1..] : query;
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? null : Decode(part[(equals + 1)..]);
            result.Add(name, value);
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
