using Dgm.Archive;

namespace Dgm.Evolution.Selection;

/// <summary>Picks the parents of one iteration from the archive. Implementations are pure given the random source.</summary>
public interface IParentSelector
{
    /// <summary>Chooses <paramref name="count"/> parents (with replacement) among the selectable nodes.</summary>
    IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random);
}

/// <summary>The parent-selection policies by name, as `--selection` spells them.</summary>
public static class ParentSelectors
{
    public static IReadOnlyList<string> Names { get; } = ["dgm", "greedy", "latest", "random", "hgm", "pareto"];

    public static IParentSelector Create(string name) => name switch
    {
        "dgm" => new ScoreChildProportional(),
        "greedy" => new GreedySelector(),
        "latest" => new LatestSelector(),
        "random" => new RandomSelector(),
        "hgm" => new CladeThompsonSelector(),
        "pareto" => new ParetoSelector(),
        _ => throw new ArgumentException($"Unknown selection '{name}'; use one of: {string.Join(", ", Names)}."),
    };

    /// <summary>Valid, evaluated nodes: the only ones a policy may pick.</summary>
    public static IReadOnlyList<Node> Selectable(IReadOnlyList<Node> archive) =>
        [.. archive.Where(n => n.Status == NodeStatus.Valid && n.Score is not null)];

    /// <summary>Highest discounted score (<see cref="SelectionScore"/>); ties go to the smaller diff of its parent, then to the older node (smaller id).</summary>
    public static Node Best(IEnumerable<Node> nodes) =>
        nodes.OrderByDescending(SelectionScore).ThenBy(n => n.DiffLines).ThenBy(n => NumericId(n.Id)).First();

    /// <summary>
    /// The score selection ranks by: the train score discounted for how little of train the node was seen on,
    /// as the one-sigma Wilson lower bound of resolved over attempted. A node seen on 10 tasks ranks below one
    /// seen on 50 unless its score is higher by more than luck on 10 tasks explains (7/10 ranks below 32/50).
    /// A node whose per-task results are not known ranks by its plain score.
    /// </summary>
    public static double SelectionScore(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var train = node.Results.Where(r => r.Split == "train" && r.Status != "skipped").ToList();
        if (train.Count == 0)
        {
            return node.Score ?? -1;
        }

        double n = train.Count;
        var p = train.Count(r => r.Resolved) / n;
        return (p + (1 / (2 * n)) - Math.Sqrt((p * (1 - p) / n) + (1 / (4 * n * n)))) / (1 + (1 / n));
    }

    public static long NumericId(string id) => long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;

    internal static IReadOnlyList<Node> RequireSome(IReadOnlyList<Node> archive)
    {
        var selectable = Selectable(archive);
        return selectable.Count > 0
            ? selectable
            : throw new InvalidOperationException("No valid, evaluated node to select a parent from: the seed must be evaluated first.");
    }

    /// <summary>Draws an index with probability proportional to its weight.</summary>
    internal static int Draw(IReadOnlyList<double> weights, Random random)
    {
        var total = weights.Sum();
        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}

/// <summary>Always the best node: the paper's "greedy" ablation.</summary>
public sealed class GreedySelector : IParentSelector
{
    public IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random)
    {
        var best = ParentSelectors.Best(ParentSelectors.RequireSome(archive));
        return [.. Enumerable.Repeat(best, count)];
    }
}

/// <summary>Always the newest valid node: the paper's "without open-ended exploration" ablation.</summary>
public sealed class LatestSelector : IParentSelector
{
    public IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random)
    {
        var latest = ParentSelectors.RequireSome(archive).MaxBy(n => ParentSelectors.NumericId(n.Id))!;
        return [.. Enumerable.Repeat(latest, count)];
    }
}

/// <summary>Uniform over valid nodes.</summary>
public sealed class RandomSelector : IParentSelector
{
    public IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random)
    {
        var nodes = ParentSelectors.RequireSome(archive);
        return [.. Enumerable.Range(0, count).Select(_ => nodes[random.Next(nodes.Count)])];
    }
}
