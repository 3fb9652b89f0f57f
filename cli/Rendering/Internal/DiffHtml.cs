using System.Text;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>A unified diff as a &lt;pre&gt;, one span per line classed by kind; every line is escaped.</summary>
internal static class DiffHtml
{
    public static void Append(StringBuilder html, string diff)
    {
        if (string.IsNullOrEmpty(diff))
        {
            html.Append("<p class=\"muted\">No diff (the seed, or a node that changed nothing).</p>\n");
            return;
        }

        html.Append("<pre class=\"diff\">");
        var lines = diff.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var count = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            // The newline inside the span: each line is a block (a full-width background), and copying keeps the breaks.
            html.Append("<span class=\"").Append(Kind(lines[i])).Append("\">").Append(Html.Text(lines[i])).Append("\n</span>");
        }

        html.Append("</pre>\n");
    }

    private static string Kind(string line) => line switch
    {
        _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => "file",
        _ when line.StartsWith("diff ", StringComparison.Ordinal) || line.StartsWith("index ", StringComparison.Ordinal)
            || line.StartsWith("new file", StringComparison.Ordinal) || line.StartsWith("deleted file", StringComparison.Ordinal) => "file",
        _ when line.StartsWith("@@", StringComparison.Ordinal) => "hunk",
        _ when line.StartsWith('+') => "add",
        _ when line.StartsWith('-') => "del",
        _ => "ctx",
    };
}
