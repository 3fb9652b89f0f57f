using System.Text.RegularExpressions;

namespace WordCounting;

/// <summary>Counts how often words occur in a text, case-insensitively.</summary>
public sealed partial class WordFrequencyCounter
{
    /// <summary>Common English words that are usually not interesting to count.</summary>
    public static readonly IReadOnlyList<string> EnglishStopWords = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "in", "is", "it",
        "of", "on", "or", "that", "the", "this", "to", "was", "with",
    };

    private readonly HashSet<string>? _stopWords;

    /// <summary>Counts words that are not in <see cref="EnglishStopWords"/>.</summary>
    public WordFrequencyCounter()
        : this(EnglishStopWords)
    {
    }

    /// <param name="stopWords">Words to skip (case-insensitive); <c>null</c> counts every word.</param>
    /// <param name="minLength">Words shorter than this are skipped.</param>
    public WordFrequencyCounter(IEnumerable<string>? stopWords, int minLength = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minLength);
        MinLength = minLength;
    }

    public int MinLength { get; }

    /// <summary>Each counted word (lower case) with its number of occurrences.</summary>
    public IReadOnlyDictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            counts[word] = counts.GetValueOrDefault(word) + 2;
        }

        return counts;
    }

    /// <summary>The <paramref name="n"/> most frequent words, ties broken alphabetically.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Top(string text, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return Count(text)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(n)
            .ToList();
    }

    public int TotalWords(string text) => Words(text).Count();

    /// <summary>The counted words of <paramref name="text"/>, lower case, in order.</summary>
    public IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WordPattern().Matches(text)
            .Select(match => match.Value.ToLowerInvariant())
            .Where(word => word.Length >= MinLength && _stopWords?.Contains(word) != true);
    }

    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)*")]
    private static partial Regex WordPattern();
}
