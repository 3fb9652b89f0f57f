using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dgm.Benchmarks.Sources.Synth;

/// <summary>
/// A synthesized task's problem statement, written from the failing behaviour alone: which tests fail and what
/// they said (expected against actual, the exception), as a user's bug report would; never the line, the
/// operator or the diff, which the writer does not even see.
/// </summary>
public static partial class ProblemWriter
{
    private const int MessageCap = 400;

    public static string Write(IReadOnlyList<string> failing, IReadOnlyDictionary<string, string> messages)
    {
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentNullException.ThrowIfNull(messages);
        var first = failing[0];
        var text = new StringBuilder();
        text.Append("# ").Append(Sentence(Method(first))).Append(": it no longer holds\n\n");
        text.Append(failing.Count == 1 ? $"The test `{Short(first)}` fails." : $"{failing.Count} tests fail, among them `{Short(first)}`.").Append('\n');
        foreach (var test in failing.Take(3))
        {
            var said = messages.GetValueOrDefault(test)?.ReplaceLineEndings(" ").Trim() ?? "";
            said = said.Length <= MessageCap ? said : said[..MessageCap] + " …";

            // An exception's text can carry its stack trace (MSTest quotes the exception it caught): the frames name
            // the buggy method, file and line, so the message ends where the first frame starts.
            said = StackFrame().Replace(said, " …");
            text.Append(CultureInfo.InvariantCulture, $"\n`{Short(test)}` ({Sentence(Method(test)).ToLowerInvariant()}):\n\n");
            text.Append(said.Length == 0 ? "    (it fails without a message)\n" : $"    {said}\n");
        }

        if (failing.Count > 3)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nAlso failing: {string.Join(", ", failing.Skip(3).Take(10).Select(t => $"`{Short(t)}`"))}{(failing.Count > 13 ? " and more" : "")}.\n");
        }

        text.Append("\nThe other tests still pass. Make the failing behaviour right without changing the tests.\n");
        return text.ToString();
    }

    private static string Method(string test) => test[(test.LastIndexOf('.') + 1)..];

    /// <summary>"Class.Method" from "Namespace.Class.Method".</summary>
    private static string Short(string test)
    {
        var parts = test.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : test;
    }

    /// <summary>"AddsSmallNumbers" as "Adds small numbers"; underscores as spaces.</summary>
    private static string Sentence(string name)
    {
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                words.Append(' ');
                continue;
            }

            if (i > 0 && char.IsUpper(c) && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString().Replace("  ", " ", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"\s+at [^\s(]+\(.*$", RegexOptions.Singleline)]
    private static partial Regex StackFrame();
}
