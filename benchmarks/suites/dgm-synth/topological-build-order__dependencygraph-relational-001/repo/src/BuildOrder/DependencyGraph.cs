namespace BuildOrder;

/// <summary>Projects and their dependencies; computes an order in which to build them.</summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, HashSet<string>> _dependsOn = new(StringComparer.Ordinal);

    public void Add(string project, params string[] dependencies)
    {
        Node(project).UnionWith(dependencies);
        foreach (var dependency in dependencies)
        {
            Node(dependency);
        }
    }

    /// <summary>Kahn's algorithm; ties are broken by name so the order is stable.</summary>
    public IReadOnlyList<string> BuildOrder()
    {
        var remaining = _dependsOn.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var dependents = _dependsOn.Keys.ToDictionary(k => k, k => _dependsOn.Where(p => p.Value.Contains(k)).Select(p => p.Key).ToList(), StringComparer.Ordinal);
        var ready = new SortedSet<string>(remaining.Where(p => p.Value == 0).Select(p => p.Key), StringComparer.Ordinal);
        var order = new List<string>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in dependents[next])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        if (order.Count != _dependsOn.Count)
        {
            var stuck = remaining.Where(p => p.Value < 0).Select(p => p.Key).Order(StringComparer.Ordinal);
            throw new InvalidOperationException($"Dependency cycle among: {string.Join(", ", stuck)}.");
        }

        return order;
    }

    private HashSet<string> Node(string project)
    {
        if (!_dependsOn.TryGetValue(project, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _dependsOn[project] = set;
        }

        return set;
    }
}
