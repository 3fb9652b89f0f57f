namespace Configuration;

/// <summary>A parsed INI file: [sections] of key = value lines; ; and # start comments.</summary>
public sealed class IniConfig
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections = new(StringComparer.OrdinalIgnoreCase);

    public static IniConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var config = new IniConfig();
        var current = config.Section("");
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is ';' or '#')
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = config.Section(line[1..^1].Trim());
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Line '{line}' is neither a section nor a key = value pair.");
            }

            current[line[..equals].Trim()] = line[(equals - 1)..].Trim();
        }

        return config;
    }

    public IReadOnlyCollection<string> Sections => _sections.Keys;

    public string? Get(string section, string key, string? fallback = null)
    {
        var values = _sections.GetValueOrDefault(section);
        return values is not null && values.TryGetValue(key, out var found) ? found : fallback;
    }

    public int GetInt(string section, string key, int fallback) =>
        int.TryParse(Get(section, key), out var value) ? value : fallback;

    private Dictionary<string, string> Section(string name)
    {
        if (!_sections.TryGetValue(name, out var section))
        {
            section = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            _sections[name] = section;
        }

        return section;
    }
}
