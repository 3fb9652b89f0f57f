using Dgm.Archive;

namespace Dgm.Evolution.Selection;

/// <summary>
/// HGM's clade-metaproductivity selection: a node's clade is itself and all its descendants; pool the
/// clade's resolved and unresolved train tasks and draw from Beta(1 + successes, 1 + failures) for each
/// valid node; the highest draw is expanded. Rewards nodes whose descendants do well, not only themselves.
/// </summary>
public sealed class CladeThompsonSelector : IParentSelector
{
    public IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random)
    {
        var nodes = ParentSelectors.RequireSome(archive);
        var clades = CladeCounts(archive);
        return [.. Enumerable.Range(0, count).Select(_ => nodes.MaxBy(n => Beta.Sample(1 + clades[n.Id].Successes, 1 + clades[n.Id].Failures, random))!)];
    }

    /// <summary>Resolved and unresolved train tasks pooled over each node's subtree (every node, any status).</summary>
    public static IReadOnlyDictionary<string, (int Successes, int Failures)> CladeCounts(IReadOnlyList<Node> archive)
    {
        var children = archive.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!);
        var counts = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        (int, int) Visit(Node node)
        {
            var train = node.Results.Where(r => r.Split == "train").ToList();
            var (s, f) = (train.Count(r => r.Resolved), train.Count(r => !r.Resolved));
            foreach (var child in children[node.Id])
            {
                var (cs, cf) = Visit(child);
                (s, f) = (s + cs, f + cf);
            }

            return counts[node.Id] = (s, f);
        }

        foreach (var root in archive.Where(n => n.ParentId is null || archive.All(p => p.Id != n.ParentId)))
        {
            Visit(root);
        }

        return counts;
    }
}

/// <summary>Beta and Gamma draws from one <see cref="Random"/> (Marsaglia and Tsang's method), so a seed replays.</summary>
public static class Beta
{
    public static double Sample(double a, double b, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = Gamma(a, random);
        var y = Gamma(b, random);
        return x / (x + y);
    }

    private static double Gamma(double shape, Random random)
    {
        if (shape < 1)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            return Gamma(shape + 1, random) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
