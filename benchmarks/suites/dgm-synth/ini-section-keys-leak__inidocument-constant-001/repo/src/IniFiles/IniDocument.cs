using System.Globalization;

namespace IniFiles;

/// <summary>
/// A read-only view of an INI file: <c>[section]</c> headers followed by <c>key = value</c> lines.
/// Lines starting with ';' or '#' are comments. Section and key names are case-insensitive;
/// when a key appears twice in a section the last value wins.
/// </summary>
public sealed class IniDocument
{
    private readonly string[] _lines;

    private IniDocument(string[] lines) => _lines = lines;

    public static IniDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(line => line.Trim()).ToArray();
        return new IniDocument(lines);
    }

    public IEnumerable<string> SectionNames =>
        _lines.Where(IsHeader).Select(HeaderName).Distinct(StringComparer.OrdinalIgnoreCase);

    public bool HasSection(string name) => SectionNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys and values of one section; empty when there is no such section.</summary>
    public IReadOnlyDictionary<string, string> Section(string name)
    {
        var body = _lines
            .SkipWhile(line => !(IsHeader(line) && HeaderName(line).Equals(name, StringComparison.OrdinalIgnoreCase)))
            .Skip(1)
            .TakeWhile(line => !IsHeader(line));

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in body)
        {
            if (line.Length == 1 || line[0] is ';' or '#')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Expected 'key = value' but found '{line}'.");
            }

            values[line[..equals].TrimEnd()] = line[(equals + 1)..].TrimStart();
        }

        return values;
    }

    public string? Get(string section, string key) =>
        Section(section).TryGetValue(key, out var value) ? value : null;

    public string Get(string section, string key, string fallback) => Get(section, key) ?? fallback;

    public int GetInt32(string section, string key, int fallback) =>
        int.TryParse(Get(section, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public bool GetBoolean(string section, string key, bool fallback) =>
        Get(section, key)?.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => fallback,
        };

    private static bool IsHeader(string line) => line.StartsWith('[') && line.EndsWith(']');

    private static string HeaderName(string line) => line[1..^1].Trim();
}
