using Dgm.Archive;

namespace Dgm.Cli.Rendering;

/// <summary>The archive seen as a family tree: children, the best node and its lineage, progress per iteration.</summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class Family
{
    private static readonly IReadOnlyList<Node> NoChildren = [];

    private readonly Dictionary<string, Node> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Node>> children = new(StringComparer.Ordinal);
    private readonly HashSet<string> lineageIds = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">An id appears twice, or parents form a cycle.</exception>
    public Family(IReadOnlyList<Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            if (!byId.TryAdd(node.Id, node))
            {
                throw new ArgumentException($"Node id '{node.Id}' appears twice: pass one version of each node.", nameof(nodes));
            }
        }

        Nodes = [.. nodes.OrderBy(n => n.Id, IdOrder.Instance)];
        var roots = new List<Node>();
        foreach (var node in Nodes)
        {
            // A node whose parent is not in the list (a partial listing) is drawn as a root rather than lost.
            if (node.ParentId is { } parent && byId.ContainsKey(parent))
            {
                if (!children.TryGetValue(parent, out var siblings))
                {
                    children[parent] = siblings = [];
                }

                siblings.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        Roots = roots;
        var reachable = CountReachable();
        if (reachable != Nodes.Count)
        {
            throw new ArgumentException($"{Nodes.Count - reachable} node(s) are their own ancestors: the parent links form a cycle.", nameof(nodes));
        }

        Best = Nodes
            .Where(n => n.Status == NodeStatus.Valid && n.Score is not null)
            .OrderByDescending(n => n.Score)
            .ThenBy(n => n.Id, IdOrder.Instance)
            .FirstOrDefault();
        var lineage = new List<Node>();
        for (var node = Best; node is not null; node = node.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
        {
            lineage.Add(node);
            lineageIds.Add(node.Id);
        }

        BestLineage = lineage;
    }

    /// <summary>Every node, ordered by numeric id.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The seed, and any node whose parent is not in the list.</summary>
    public IReadOnlyList<Node> Roots { get; }

    /// <summary>The valid node with the highest score (ties: the smaller id); null when none is valid and scored.</summary>
    public Node? Best { get; }

    /// <summary>The best node, its parent, ..., up to the seed; empty when there is no best node.</summary>
    public IReadOnlyList<Node> BestLineage { get; }

    public Node? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The node's children in the list, ordered by numeric id.</summary>
    public IReadOnlyList<Node> ChildrenOf(Node node) => ChildrenOf(node.Id);

    public IReadOnlyList<Node> ChildrenOf(string id) => children.TryGetValue(id, out var list) ? list : NoChildren;

    public bool IsOnBestLineage(Node node) => lineageIds.Contains(node.Id);

    /// <summary>
    /// For each iteration from 0 to the last: the best score and the mean score of the valid nodes created
    /// at or before it (what the archive offered as parents by then).
    /// </summary>
    public IReadOnlyList<ProgressPoint> Progress()
    {
        if (Nodes.Count == 0)
        {
            return [];
        }

        var last = Nodes.Max(n => n.Iteration);
        var scored = Nodes
            .Where(n => n.Status == NodeStatus.Valid && n.Score is not null)
            .OrderBy(n => n.Iteration)
            .ToList();
        var points = new List<ProgressPoint>(last + 1);
        var next = 0;
        double sum = 0;
        double? best = null;
        for (var iteration = 0; iteration <= last; iteration++)
        {
            for (; next < scored.Count && scored[next].Iteration <= iteration; next++)
            {
                var score = scored[next].Score!.Value;
                sum += score;
                best = best is { } b ? Math.Max(b, score) : score;
            }

            points.Add(new ProgressPoint(iteration, best, next == 0 ? null : sum / next, next));
        }

        return points;
    }

    private int CountReachable()
    {
        var count = 0;
        var stack = new Stack<Node>(Roots);
        while (stack.TryPop(out var node))
        {
            count++;
            foreach (var child in ChildrenOf(node))
            {
                stack.Push(child);
            }
        }

        return count;
    }
}

/// <summary>The archive at one iteration: best and mean score of its valid nodes (null while none is valid), and how many.</summary>
public sealed record ProgressPoint(int Iteration, double? Best, double? Mean, int Valid);
