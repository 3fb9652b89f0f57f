using System.Text;
using System.Text.RegularExpressions;

namespace Dgm.Benchmarks.Control;

/// <summary>A path pattern over '/'-separated relative paths: `*` and `?` within a segment, `**` across segments.</summary>
internal sealed class Glob(string pattern)
{
    private readonly Regex _regex = new(ToRegex(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool Matches(string path) => _regex.IsMatch(path);

    private static string ToRegex(string pattern)
    {
        var text = pattern.Replace('\\', '/').Trim('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                // "**/" matches zero or more whole segments; a trailing "**" matches the rest.
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.Append('$').ToString();
    }
}
