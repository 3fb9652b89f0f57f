using Dgm.Archive;

namespace Dgm.Tests.Cli.Report;

/// <summary>Small archives for the rendering tests, with fixed times so every rendering is exact.</summary>
internal static class Families
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Now => Start.AddHours(5);

    /// <summary>The seed 0 (30%) with children 1 (40%) and 2 (invalid: empty diff); 1 has the best, 3 (60%).</summary>
    public static IReadOnlyList<Node> Small() =>
    [
        // Given out of order: the renderings must order by numeric id themselves.
        Node("3", "1", 2, 2, Start.AddHours(2), TimeSpan.FromMinutes(45), 0.6) with { HoldoutScore = 0.5, CostDollars = 1.5, Tokens = 120_000 },
        Node("0", null, 0, 0, Start, TimeSpan.FromHours(1), 0.3) with { HoldoutScore = 0.2 },
        Node("2", "0", 1, 1, Start.AddHours(1), TimeSpan.FromMinutes(2), null) with
        {
            Status = NodeStatus.Invalid,
            InvalidReason = "empty diff",
            CostDollars = 0.25,
        },
        Node("1", "0", 1, 1, Start.AddHours(1), TimeSpan.FromMinutes(30), 0.4) with { CostDollars = 1, Tokens = 80_000 },
    ];

    public static Node Node(string id, string? parent, int generation, int iteration, DateTimeOffset created, TimeSpan? took, double? score) => new()
    {
        Id = id,
        ParentId = parent,
        Generation = generation,
        Iteration = iteration,
        Created = created,
        Finished = took is { } t ? created + t : null,
        Status = score is null ? NodeStatus.Evaluating : NodeStatus.Valid,
        Score = score,
        Stages = score is { } s ? [new StageResult(1, 10, (int)Math.Round(s * 10))] : [],
    };

    /// <summary>A single line of descent, seed to generation <paramref name="generations"/>, each better than its parent.</summary>
    public static IReadOnlyList<Node> Chain(int generations) =>
    [
        .. Enumerable.Range(0, generations + 1).Select(g => Node(
            g.ToString(System.Globalization.CultureInfo.InvariantCulture),
            g == 0 ? null : (g - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            g, g, Start.AddMinutes(g), TimeSpan.FromMinutes(1), (double)g / (generations + 1))),
    ];
}
