using System.Globalization;
using System.Text;
using Dgm.Archive;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>One node's &lt;details&gt; section: facts, diagnosis, problem statement, stages, tasks and diff.</summary>
internal static class NodeDetails
{
    public static void Append(StringBuilder html, Family family, Node node, string diff, DateTimeOffset now)
    {
        var best = family.IsOnBestLineage(node) ? " " + TreeRenderer.BestMarker : "";
        html.Append("<details id=\"").Append(Html.Anchor(node.Id)).Append("\">\n<summary><span class=\"swatch\" style=\"background:")
            .Append(ScoreColour.Of(node)).Append("\"></span>Node ").Append(Html.Text(node.Id)).Append(Html.Text(best)).Append(" · ")
            .Append(Html.Text(NodeText.Scores(node))).Append(" · ").Append(Html.Text(NodeText.Status(node))).Append("</summary>\n");

        html.Append("<table class=\"facts\">\n");
        Fact(html, "parent", node.ParentId is { } parent
            ? $"<a href=\"#{Html.Anchor(parent)}\">{Html.Text(parent)}</a>"
            : "none (the seed)");
        Fact(html, "generation, iteration", Html.Text($"{node.Generation}, {node.Iteration}"));
        Fact(html, "status", Html.Text(NodeText.StatusWord(node.Status)));
        if (node.InvalidReason is { } reason)
        {
            Fact(html, "invalid because", Html.Text(reason));
        }

        Fact(html, "score", Html.Text(NodeText.Scores(node)));
        if (NodeText.Control(node) is { Length: > 0 } control)
        {
            Fact(html, "control layer", Html.Text(control));
            foreach (var f in node.Findings)
            {
                Fact(html, f.Blocks ? "blocked by rule" : "recorded rule", Html.Text($"{f.Rule} at {f.Path}:{f.Line}: {f.Detail}"));
            }
        }

        Fact(html, "created", Html.Text($"{NodeText.Timestamp(node.Created)}, {NodeText.Time(node, now)}"));
        Fact(html, "cost", Html.Text($"{NodeText.Money(node.CostDollars)}, {node.Tokens.ToString("N0", CultureInfo.InvariantCulture)} tokens"));
        var children = family.ChildrenOf(node);
        Fact(html, "children", children.Count == 0
            ? "none"
            : string.Join(", ", children.Select(c => $"<a href=\"#{Html.Anchor(c.Id)}\">{Html.Text(c.Id)}</a>")));
        if (node.Commit is { } commit)
        {
            Fact(html, "commit", $"<code>{Html.Text(commit)}</code>");
        }

        html.Append("</table>\n");

        if (node.Diagnosis is { } d)
        {
            html.Append("<h4>Diagnosis</h4>\n<dl class=\"diagnosis\">\n");
            Term(html, "Log summarization", d.LogSummarization);
            Term(html, "Potential improvements", d.PotentialImprovements);
            Term(html, "Improvement proposal", d.ImprovementProposal);
            Term(html, "Implementation suggestion", d.ImplementationSuggestion);
            Term(html, "Problem description", d.ProblemDescription);
            html.Append("</dl>\n");
        }

        if (!string.IsNullOrWhiteSpace(node.ProblemStatement))
        {
            html.Append("<h4>Problem statement</h4>\n<pre class=\"text\">").Append(Html.Text(node.ProblemStatement)).Append("</pre>\n");
        }

        if (node.Stages.Count > 0)
        {
            html.Append("<h4>Stages</h4>\n<table class=\"grid\"><tr><th>stage</th><th>attempted</th><th>resolved</th><th>score</th></tr>\n");
            foreach (var s in node.Stages.OrderBy(s => s.Stage))
            {
                Row(html, s.Stage.ToString(CultureInfo.InvariantCulture), s.Attempted.ToString(CultureInfo.InvariantCulture),
                    s.Resolved.ToString(CultureInfo.InvariantCulture), NodeText.Percent(s.Score));
            }

            html.Append("</table>\n");
        }

        if (node.Results.Count > 0)
        {
            html.Append("<h4>Tasks</h4>\n<table class=\"grid\"><tr><th>task</th><th>split</th><th>stage</th><th>status</th>")
                .Append("<th>resolved</th><th>patch</th><th>stop reason</th><th>time</th></tr>\n");
            foreach (var t in node.Results.OrderBy(t => t.Stage).ThenBy(t => t.TaskId, StringComparer.Ordinal))
            {
                Row(html, t.TaskId, t.Split, t.Stage.ToString(CultureInfo.InvariantCulture), t.Status, t.Resolved ? "yes" : "no",
                    t.PatchExists ? "yes" : "no", t.StopReason ?? "", NodeText.Span(TimeSpan.FromSeconds(t.Seconds)));
            }

            html.Append("</table>\n");
        }

        html.Append("<h4>Diff against the parent</h4>\n");
        DiffHtml.Append(html, diff);
        html.Append("</details>\n");
    }

    // The value is HTML already: the callers escape what it holds.
    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(Html.Text(name)).Append("</th><td>").Append(value).Append("</td></tr>\n");

    private static void Term(StringBuilder html, string name, string text) =>
        html.Append("<dt>").Append(Html.Text(name)).Append("</dt><dd>").Append(Html.Text(text)).Append("</dd>\n");

    private static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(Html.Text(cell)).Append("</td>");
        }

        html.Append("</tr>\n");
    }
}
