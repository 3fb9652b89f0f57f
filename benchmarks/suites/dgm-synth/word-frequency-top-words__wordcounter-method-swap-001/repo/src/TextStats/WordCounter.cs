namespace TextStats;

/// <summary>Counts words case-insensitively, ignoring punctuation.</summary>
public static class WordCounter
{
    public static IReadOnlyDictionary<string, int> Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text
            .Split((char[])[' ', '\n', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant());
        return words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The n most frequent words; ties are broken alphabetically.</summary>
    public static IReadOnlyList<string> TopWords(string text, int n) =>
        Count(text)
            .OrderBy(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(n)
            .Select(pair => pair.Key)
            .ToList();
}
