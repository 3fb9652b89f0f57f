using System.Globalization;
using Dgm.Archive;
using Humanizer;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>The words every rendering uses for a node, so the tree, the DOT graph and the report agree.</summary>
internal static class NodeText
{
    // Fixed English: the renderings are compared in tests and read next to English logs.
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Percent(double score) => (score * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Score(Node node) => node.Score is { } score ? Percent(score) : "no score";

    /// <summary>The train score, with the holdout score when the node has one.</summary>
    public static string Scores(Node node) =>
        node.HoldoutScore is { } holdout ? $"{Score(node)} (holdout {Percent(holdout)})" : Score(node);

    public static string Status(Node node) => node.Status switch
    {
        NodeStatus.Invalid when !string.IsNullOrWhiteSpace(node.InvalidReason) => "invalid: " + OneLine(node.InvalidReason),
        _ => StatusWord(node.Status),
    };

    public static string StatusWord(NodeStatus status) => status.Humanize(LetterCasing.LowerCase);

    /// <summary>What the control layer caught: tasks graded tampered or refused by the patch policy, and agent rules the node's diff broke; empty when nothing.</summary>
    public static string Control(Node node)
    {
        var parts = new List<string>();
        var tampered = node.Results.Count(r => r.Status == "tampered");
        var refused = node.Results.Count(r => r.Status == "policy_violation");
        if (tampered > 0)
        {
            parts.Add($"{tampered} tampered");
        }

        if (refused > 0)
        {
            parts.Add("policy violation".ToQuantity(refused));
        }

        parts.AddRange(node.Findings.Select(f => $"{f.Rule}{(f.Blocks ? "" : " (recorded)")}").Distinct());
        return parts.Count == 0 ? "" : "⚠ " + string.Join(", ", parts);
    }

    public static string Children(int count) => "child".ToQuantity(count);

    /// <summary>How long the node took, or how long it has been running.</summary>
    public static string Time(Node node, DateTimeOffset now) => node.Finished is { } finished
        ? "took " + Span(finished - node.Created)
        : "running for " + Span(now - node.Created);

    public static string Span(TimeSpan span) =>
        (span < TimeSpan.Zero ? TimeSpan.Zero : span).Humanize(precision: 2, culture: English, minUnit: TimeUnit.Second, collectionSeparator: ", ");

    public static string Money(double dollars) => "$" + dollars.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Agents write reasons: a newline or a control character must not break a one-line rendering.</summary>
    public static string OneLine(string text)
    {
        var chars = text.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
