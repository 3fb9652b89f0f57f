using System.Globalization;
using System.Text;
using Dgm.Archive;
using Dgm.Cli.Rendering.Internal;

namespace Dgm.Cli.Rendering;

/// <summary>
/// A run as one self-contained HTML file: summary, family tree (SVG), progress chart (SVG) and a section per
/// node with its diff. No external resource of any kind; every text from the archive is escaped.
/// </summary>
public static class HtmlReport
{
    /// <param name="runId">The run's id, shown in the title.</param>
    /// <param name="nodes">The archive's nodes, one version each, in any order.</param>
    /// <param name="diffOf">The unified diff of a node against its parent ("" for the seed).</param>
    /// <param name="now">The clock, for the report's date and the age of the nodes still running.</param>
    public static string Render(string runId, IReadOnlyList<Node> nodes, Func<Node, string> diffOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(diffOf);
        var family = new Family(nodes);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Dgm run ").Append(Html.Text(runId)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Dgm run <span class=\"run\">").Append(Html.Text(runId)).Append("</span></h1>\n");

        AppendSummary(html, family, now);

        html.Append("<section id=\"tree\">\n<h2>Family tree</h2>\n<p class=\"muted\">Circles are agents, coloured by train score ")
            .Append("(red 0% → green 100%, grey: invalid or rejected); the highlighted edges lead from the seed to the best. ")
            .Append("Click a node for its details.</p>\n<div class=\"scroll\">\n");
        SvgTree.Append(html, family);
        html.Append("</div>\n</section>\n");

        html.Append("<section id=\"progress\">\n<h2>Progress</h2>\n<p class=\"muted\">Best and mean train score of the valid agents ")
            .Append("in the archive after each iteration.</p>\n");
        ProgressChart.Append(html, family.Progress());
        html.Append("</section>\n");

        html.Append("<section id=\"nodes\">\n<h2>Nodes</h2>\n");
        foreach (var node in family.Nodes)
        {
            NodeDetails.Append(html, family, node, diffOf(node) ?? "", now);
        }

        html.Append("</section>\n<script>\n").Append(ReportStyle.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, Family family, DateTimeOffset now)
    {
        var nodes = family.Nodes;
        var valid = nodes.Count(n => n.Status == NodeStatus.Valid);
        var discarded = nodes.Count(n => n.Status is NodeStatus.Invalid or NodeStatus.Rejected);
        var seed = nodes.FirstOrDefault(n => n.IsSeed);
        var best = family.Best;

        html.Append("<table class=\"summary\">\n");
        Row(html, "nodes", Html.Text($"{nodes.Count}: {valid} valid, {discarded} invalid or rejected, {nodes.Count - valid - discarded} other"));
        Row(html, "iterations", Html.Text(nodes.Count == 0 ? "none" : nodes.Max(n => n.Iteration).ToString(CultureInfo.InvariantCulture)));
        Row(html, "best", best is null ? "none yet" : $"{Link(best)} {Html.Text(NodeText.Score(best))}");
        Row(html, "seed", seed is null ? "missing" : $"{Link(seed)} {Html.Text(NodeText.Score(seed))}");
        if (seed?.HoldoutScore is not null || best?.HoldoutScore is not null)
        {
            Row(html, "holdout", Html.Text(
                $"seed {(seed?.HoldoutScore is { } s ? NodeText.Percent(s) : "not measured")}, " +
                $"best {(best?.HoldoutScore is { } b ? NodeText.Percent(b) : "not measured")}"));
        }

        Row(html, "cost", Html.Text($"{NodeText.Money(nodes.Sum(n => n.CostDollars))}, {nodes.Sum(n => n.Tokens).ToString("N0", CultureInfo.InvariantCulture)} tokens"));
        Row(html, "generated", Html.Text(NodeText.Timestamp(now)));
        html.Append("</table>\n");
    }

    private static string Link(Node node) => $"<a href=\"#{Html.Anchor(node.Id)}\">node {Html.Text(node.Id)}</a>";

    // The value is HTML already: the callers escape what it holds.
    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(Html.Text(name)).Append("</th><td>").Append(value).Append("</td></tr>\n");
}
