using Dgm.Archive;
using Humanizer;

namespace Dgm.Cli.Commands;

/// <summary>`dgm show` as text: one node, everything a user asks about it.</summary>
internal static class NodeText
{
    public static string Describe(Node node, IReadOnlyList<Node> all, DateTimeOffset now, string runDir)
    {
        var text = new List<string>();
        var lineage = new List<string>();
        for (var n = node; n is not null; n = n.ParentId is null ? null : all.FirstOrDefault(p => p.Id == n.ParentId))
        {
            lineage.Add(n.Id);
        }

        text.Add($"node {node.Id}{(node.IsSeed ? " (the seed)" : "")}: {Status(node)}");
        text.Add($"  lineage     {string.Join(" ← ", lineage)}");
        text.Add($"  generation  {node.Generation}, iteration {node.Iteration}, {"child".ToQuantity(node.Children)}");
        text.Add($"  created     {node.Created.Humanize(now)}{(node.Finished is { } f ? $", took {(f - node.Created).Humanize(2)}" : ", not finished")}");
        text.Add($"  train       {EvolveCommand.Percent(node.Score)}  {string.Join(", ", node.Stages.Select(s => $"stage {s.Stage}: {s.Resolved}/{s.Attempted}"))}");
        text.Add($"  holdout     {EvolveCommand.Percent(node.HoldoutScore)}");
        if (Rendering.Internal.NodeText.Control(node) is { Length: > 0 } control)
        {
            text.Add($"  control     {control}");
            foreach (var finding in node.Findings)
            {
                text.Add($"    {(finding.Blocks ? "blocked" : "recorded")}: {finding.Rule} at {finding.Path}:{finding.Line} ({finding.Detail})");
            }

            foreach (var r in node.Results.Where(r => r.Status is "tampered" or "policy_violation"))
            {
                text.Add($"    {r.Status}: {r.TaskId} ({r.Split}; the task's report.json under logs says why)");
            }
        }
        if (node.Tokens > 0 || node.CostDollars > 0)
        {
            text.Add($"  cost        ${node.CostDollars:0.####}, {"token".ToQuantity(node.Tokens)}");
        }

        text.Add($"  commit      {node.Commit ?? "-"}");
        text.Add($"  logs        {(node.LogsDir is null ? "-" : Path.Combine(runDir, node.LogsDir))}");
        if (node.Diagnosis is { } d)
        {
            text.Add("diagnosis");
            foreach (var (name, value) in new[] { ("log summary", d.LogSummarization), ("potential improvements", d.PotentialImprovements), ("proposal", d.ImprovementProposal), ("implementation", d.ImplementationSuggestion), ("problem", d.ProblemDescription) })
            {
                text.Add($"  {name}: {value.ReplaceLineEndings(" ")}");
            }
        }

        if (node.ProblemStatement is { } problem)
        {
            text.Add("problem statement");
            foreach (var line in problem.Split('\n'))
            {
                text.Add("  " + line.TrimEnd());
            }
        }

        if (node.Results.Count > 0)
        {
            text.Add("tasks (stage, status, stop reason, graded by the fast or the full path, time)");
            foreach (var r in node.Results.OrderBy(r => r.Split != "train").ThenBy(r => r.Stage).ThenBy(r => r.TaskId, StringComparer.Ordinal))
            {
                text.Add($"  {(r.Split == "train" ? $"stage {r.Stage}" : r.Split),-8} {r.Status,-12} {r.StopReason ?? "-",-20} {r.GradedBy ?? "-",-4} {TimeSpan.FromSeconds(r.Seconds).Humanize(),-12} {r.TaskId}{(r.Fallback is null ? "" : $" (full: {Clip(r.Fallback)})")}");
            }
        }

        return string.Join(Environment.NewLine, text).TrimEnd();
    }

    public static string Status(Node node) => node.Status switch
    {
        NodeStatus.Invalid => $"invalid ({node.InvalidReason})",
        NodeStatus.PendingApproval => "pending approval (dgm approve|reject)",
        _ => node.Status.ToString().Humanize(LetterCasing.LowerCase),
    };

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
