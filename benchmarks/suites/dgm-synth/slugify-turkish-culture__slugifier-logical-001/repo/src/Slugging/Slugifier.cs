using System.Globalization;
using System.Text;

namespace Slugging;

/// <summary>
/// Turns titles into URL slugs: lowercase ASCII letters and digits, words joined by a single separator.
/// The slug of a title is the same whatever the current culture is.
/// </summary>
public sealed class Slugifier
{
    private readonly int maxLength;
    private readonly char separator;

    public Slugifier(int maxLength = 80, char separator = '-')
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (char.IsLetterOrDigit(separator) && char.IsWhiteSpace(separator))
        {
            throw new ArgumentException("The separator must not be a letter, digit or white space.", nameof(separator));
        }

        this.maxLength = maxLength;
        this.separator = separator;
    }

    public string Slugify(string title)
    {
        ArgumentNullException.ThrowIfNull(title);

        var folded = RemoveDiacritics(title).ToLowerInvariant();
        var slug = new StringBuilder(folded.Length);
        var wordBreak = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (wordBreak && slug.Length > 0)
                {
                    slug.Append(separator);
                }

                slug.Append(c);
                wordBreak = false;
            }
            else if (c is not '\'' and not '\u2019')
            {
                // Apostrophes join the word ("Don't" -> "dont"); anything else separates words.
                wordBreak = true;
            }
        }

        return Truncate(slug.ToString());
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private string Truncate(string slug)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        // Cut at the last separator that keeps the slug within maxLength, so that no word is split.
        var cut = slug.LastIndexOf(separator, maxLength);
        return cut > 0 ? slug[..cut] : slug[..maxLength];
    }
}
