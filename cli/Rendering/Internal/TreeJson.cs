using System.Text.Json;
using System.Text.Json.Serialization;
using Dgm.Archive;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>The JSON shape of the family tree, for scripts.</summary>
internal static class TreeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Two levels per generation (the object and its children array): room for a thousand generations.
        MaxDepth = 2048,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Render(Family family)
    {
        var document = new TreeDocument(
            family.Best?.Id,
            [.. family.BestLineage.Select(n => n.Id)],
            [.. family.Roots.Select(r => Build(family, r))]);
        return JsonSerializer.Serialize(document, Options);
    }

    private static TreeNode Build(Family family, Node node) => new(
        node.Id,
        node.ParentId,
        node.Generation,
        node.Iteration,
        node.Status,
        node.InvalidReason,
        node.Score,
        node.HoldoutScore,
        node.CostDollars,
        node.Tokens,
        node.Created,
        node.Finished,
        family.IsOnBestLineage(node),
        node.Results.Count(r => r.Status == "tampered"),
        node.Results.Count(r => r.Status == "policy_violation"),
        node.Findings,
        [.. node.Stages.Select(s => new TreeStage(s.Stage, s.Attempted, s.Resolved, s.Score))],
        [.. family.ChildrenOf(node).Select(c => Build(family, c))]);

    private sealed record TreeDocument(string? Best, IReadOnlyList<string> BestLineage, IReadOnlyList<TreeNode> Roots);

    private sealed record TreeNode(
        string Id,
        string? Parent,
        int Generation,
        int Iteration,
        NodeStatus Status,
        string? InvalidReason,
        double? Score,
        double? HoldoutScore,
        double CostDollars,
        long Tokens,
        DateTimeOffset Created,
        DateTimeOffset? Finished,
        bool OnBestLineage,
        int Tampered,
        int PolicyViolations,
        IReadOnlyList<PolicyFinding> Findings,
        IReadOnlyList<TreeStage> Stages,
        IReadOnlyList<TreeNode> Children);

    private sealed record TreeStage(int Stage, int Attempted, int Resolved, double Score);
}
