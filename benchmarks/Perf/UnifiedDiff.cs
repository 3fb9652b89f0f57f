using System.Globalization;
using System.Text;

namespace Dgm.Benchmarks.Perf;

/// <summary>A git-style unified diff of one file's two texts: one hunk around the lines that differ, three lines of context.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff turning <paramref name="before"/> into <paramref name="after"/> for <paramref name="path"/> (relative, forward slashes); empty when they are equal.</summary>
    public static string Of(string path, string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before == after)
        {
            return "";
        }

        var old = Lines(before);
        var @new = Lines(after);
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix] == @new[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[^(suffix + 1)] == @new[^(suffix + 1)])
        {
            suffix++;
        }

        var from = Math.Max(0, prefix - Context);
        var oldEnd = Math.Min(old.Count, old.Count - suffix + Context);
        var newEnd = Math.Min(@new.Count, @new.Count - suffix + Context);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n");
        text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(from, oldEnd - from)} +{Range(from, newEnd - from)} @@\n");
        for (var i = from; i < prefix; i++)
        {
            Line(text, ' ', old[i]);
        }

        for (var i = prefix; i < old.Count - suffix; i++)
        {
            Line(text, '-', old[i]);
        }

        for (var i = prefix; i < @new.Count - suffix; i++)
        {
            Line(text, '+', @new[i]);
        }

        for (var i = old.Count - suffix; i < oldEnd; i++)
        {
            Line(text, ' ', old[i]);
        }

        return text.ToString();
    }

    private static string Range(int start, int count) => count == 0
        ? $"{start},0"
        : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static void Line(StringBuilder text, char mark, string line)
    {
        text.Append(mark).Append(line);
        if (!line.EndsWith('\n'))
        {
            text.Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>The lines with their terminators (a last line may have none).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
