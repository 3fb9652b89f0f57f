using System.Text;
using Dgm.Archive;
using Dgm.Cli.Rendering.Internal;

namespace Dgm.Cli.Rendering;

/// <summary>The archive's family tree as text (a terminal), JSON (a script) or DOT (Graphviz). Pure functions.</summary>
public static class TreeRenderer
{
    /// <summary>The marker of the best node and its ancestors.</summary>
    public const string BestMarker = "★";

    private const string Reset = "\u001b[0m";
    private const string Dim = "\u001b[2m";
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string BoldYellow = "\u001b[1;33m";

    /// <summary>
    /// One line per node, indented as a tree (children by numeric id): id, best-lineage marker, score(s),
    /// status, number of children, and how long it took (or has been running, against <paramref name="now"/>).
    /// </summary>
    /// <param name="nodes">The archive's nodes, one version each, in any order.</param>
    /// <param name="colour">ANSI colours (green valid, red invalid or rejected, yellow otherwise); plain text when false.</param>
    /// <param name="now">The clock, for the age of the nodes still running.</param>
    public static string Text(IReadOnlyList<Node> nodes, bool colour, DateTimeOffset now)
    {
        var family = new Family(nodes);
        var text = new StringBuilder();
        foreach (var root in family.Roots)
        {
            AppendLine(text, family, root, "", "", colour, now);
        }

        return text.ToString();
    }

    /// <summary>
    /// The nodes as a nested tree: <c>{ best, best_lineage, roots: [ { id, parent, ..., children: [...] } ] }</c>,
    /// snake_case fields, statuses as snake_case strings. A deep lineage nests deeply: parse it with a
    /// generous depth limit (System.Text.Json's default is 64 levels, about 30 generations).
    /// </summary>
    public static string Json(IReadOnlyList<Node> nodes) => TreeJson.Render(new Family(nodes));

    /// <summary>A Graphviz digraph: nodes labelled with id and score and filled by score, best-lineage edges bold.</summary>
    public static string Dot(IReadOnlyList<Node> nodes) => TreeDot.Render(new Family(nodes));

    private static void AppendLine(StringBuilder text, Family family, Node node, string branch, string indent, bool colour, DateTimeOffset now)
    {
        var children = family.ChildrenOf(node);
        text.Append(Paint(colour, Dim, branch)).Append(node.Id);
        if (family.IsOnBestLineage(node))
        {
            text.Append(' ').Append(Paint(colour, BoldYellow, BestMarker));
        }

        var tone = node.Status switch
        {
            NodeStatus.Valid => Green,
            NodeStatus.Invalid or NodeStatus.Rejected => Red,
            _ => Yellow,
        };
        text.Append("  ").Append(Paint(colour, tone, NodeText.Scores(node)))
            .Append("  ").Append(Paint(colour, tone, NodeText.Status(node)))
            .Append(NodeText.Control(node) is { Length: > 0 } control ? "  " + Paint(colour, Red, control) : "")
            .Append("  ").Append(NodeText.Children(children.Count))
            .Append("  ").Append(NodeText.Time(node, now))
            .Append('\n');

        for (var i = 0; i < children.Count; i++)
        {
            var last = i == children.Count - 1;
            AppendLine(text, family, children[i], indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), colour, now);
        }
    }

    private static string Paint(bool colour, string code, string text) =>
        colour && text.Length > 0 ? code + text + Reset : text;
}
