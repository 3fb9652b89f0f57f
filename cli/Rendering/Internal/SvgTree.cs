using System.Text;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>The family tree as inline SVG: one linked circle per node, best-lineage edges highlighted.</summary>
internal static class SvgTree
{
    private const double ColumnWidth = 64;
    private const double RowHeight = 84;
    private const double Radius = 18;
    private const double Margin = 30;

    public static void Append(StringBuilder html, Family family)
    {
        var placements = TreeLayout.Place(family);
        if (placements.Count == 0)
        {
            html.Append("<p>The archive is empty.</p>\n");
            return;
        }

        var at = placements.ToDictionary(p => p.Node.Id, StringComparer.Ordinal);
        var width = (2 * Margin) + (placements.Max(p => p.Column) * ColumnWidth);
        // Room under the deepest row for its score labels.
        var height = (2 * Margin) + (placements.Max(p => p.Depth) * RowHeight) + 16;
        html.Append("<svg class=\"tree\" role=\"img\" aria-label=\"family tree\" width=\"").Append(Html.Num(width))
            .Append("\" height=\"").Append(Html.Num(height))
            .Append("\" viewBox=\"0 0 ").Append(Html.Num(width)).Append(' ').Append(Html.Num(height)).Append("\">\n");

        // Edges first, so the circles cover their ends.
        foreach (var child in placements.OrderBy(p => p.Node.Id, IdOrder.Instance))
        {
            if (child.Node.ParentId is { } parentId && at.TryGetValue(parentId, out var parent))
            {
                html.Append("<line class=\"").Append(family.IsOnBestLineage(child.Node) ? "edge best" : "edge")
                    .Append("\" x1=\"").Append(Html.Num(X(parent))).Append("\" y1=\"").Append(Html.Num(Y(parent)))
                    .Append("\" x2=\"").Append(Html.Num(X(child))).Append("\" y2=\"").Append(Html.Num(Y(child))).Append("\"/>\n");
            }
        }

        foreach (var p in placements.OrderBy(p => p.Node.Id, IdOrder.Instance))
        {
            var node = p.Node;
            var classes = family.IsOnBestLineage(node) ? "node best" : "node";
            html.Append("<a href=\"#").Append(Html.Anchor(node.Id)).Append("\" class=\"").Append(classes).Append("\">")
                .Append("<title>").Append(Html.Text($"{node.Id}: {NodeText.Scores(node)}, {NodeText.Status(node)}")).Append("</title>")
                .Append("<circle cx=\"").Append(Html.Num(X(p))).Append("\" cy=\"").Append(Html.Num(Y(p)))
                .Append("\" r=\"").Append(Html.Num(Radius)).Append("\" fill=\"").Append(ScoreColour.Of(node)).Append("\"/>")
                .Append("<text class=\"id\" x=\"").Append(Html.Num(X(p))).Append("\" y=\"").Append(Html.Num(Y(p) + 4)).Append("\">")
                .Append(Html.Text(node.Id)).Append("</text>")
                .Append("<text class=\"score\" x=\"").Append(Html.Num(X(p))).Append("\" y=\"").Append(Html.Num(Y(p) + Radius + 13)).Append("\">")
                .Append(Html.Text(node.Score is { } s ? NodeText.Percent(s) : NodeText.StatusWord(node.Status))).Append("</text>")
                .Append("</a>\n");
        }

        html.Append("</svg>\n");
    }

    private static double X(Placement p) => Margin + (p.Column * ColumnWidth);

    private static double Y(Placement p) => Margin + (p.Depth * RowHeight);
}
