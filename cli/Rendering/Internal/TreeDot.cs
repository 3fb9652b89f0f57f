using System.Text;
using Dgm.Archive;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>The family tree as a Graphviz digraph.</summary>
internal static class TreeDot
{
    private const string BestEdge = "#b8860b";

    public static string Render(Family family)
    {
        var dot = new StringBuilder();
        dot.Append("digraph dgm {\n")
            .Append("  graph [rankdir=TB];\n")
            .Append("  node [shape=circle, style=filled, fontname=\"Helvetica\", fontsize=10];\n")
            .Append("  edge [color=\"#888888\"];\n");
        foreach (var node in family.Nodes)
        {
            var second = node.Status is NodeStatus.Invalid or NodeStatus.Rejected ? NodeText.StatusWord(node.Status) : NodeText.Score(node);
            dot.Append("  ").Append(Quote(node.Id))
                .Append(" [label=\"").Append(Escape(node.Id)).Append("\\n").Append(Escape(second)).Append('"')
                .Append(", fillcolor=").Append(Quote(ScoreColour.Of(node)));
            if (ReferenceEquals(node, family.Best))
            {
                dot.Append(", shape=doublecircle, penwidth=2");
            }

            dot.Append("];\n");
        }

        foreach (var node in family.Nodes)
        {
            foreach (var child in family.ChildrenOf(node))
            {
                dot.Append("  ").Append(Quote(node.Id)).Append(" -> ").Append(Quote(child.Id));
                if (family.IsOnBestLineage(child))
                {
                    dot.Append(" [style=bold, penwidth=3, color=").Append(Quote(BestEdge)).Append(']');
                }

                dot.Append(";\n");
            }
        }

        return dot.Append("}\n").ToString();
    }

    private static string Quote(string text) => "\"" + Escape(text) + "\"";

    /// <summary>Inside a DOT quoted string only the quote, the backslash and line breaks need care.</summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);
}
