namespace TopoSorting;

/// <summary>A directed graph of named nodes, where an edge points from a node to something it depends on.</summary>
public sealed class DependencyGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> _dependencies = new(StringComparer.Ordinal);

    private enum Mark
    {
        InProgress,
        Done,
    }

    public IEnumerable<string> Nodes => _dependencies.Keys;

    public void AddNode(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_dependencies.ContainsKey(name))
        {
            _dependencies[name] = new SortedSet<string>(StringComparer.Ordinal);
        }
    }

    public void AddDependency(string node, string dependsOn)
    {
        AddNode(node);
        AddNode(dependsOn);
    }

    public IReadOnlyCollection<string> DependenciesOf(string node) =>
        _dependencies.TryGetValue(node, out var deps) ? deps : throw new KeyNotFoundException($"Unknown node '{node}'.");

    /// <summary>
    /// All nodes, each one after everything it depends on. Independent nodes come in name order.
    /// Throws <see cref="CycleException"/> when the dependencies form a cycle.
    /// </summary>
    public IReadOnlyList<string> Sort()
    {
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var order = new List<string>(_dependencies.Count);
        var path = new List<string>();
        foreach (var node in _dependencies.Keys)
        {
            if (!marks.ContainsKey(node))
            {
                Visit(node, marks, order, path);
            }
        }

        return order;
    }

    /// <summary>Every node that <paramref name="node"/> needs, directly or indirectly, in build order.</summary>
    public IReadOnlyList<string> DependencyClosure(string node)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DependenciesOf(node));
        while (pending.TryPop(out var next))
        {
            if (needed.Add(next))
            {
                foreach (var dep in _dependencies[next])
                {
                    pending.Push(dep);
                }
            }
        }

        return Sort().Where(needed.Contains).ToList();
    }

    private void Visit(string node, Dictionary<string, Mark> marks, List<string> order, List<string> path)
    {
        if (marks.TryGetValue(node, out var mark))
        {
            if (mark == Mark.Done)
            {
                return;
            }

            var start = path.IndexOf(node);
            throw new CycleException([.. path.Skip(start), node]);
        }

        marks[node] = Mark.InProgress;
        path.Add(node);
        foreach (var dependency in _dependencies[node])
        {
            Visit(dependency, marks, order, path);
        }

        path.RemoveAt(path.Count - 1);
        marks[node] = Mark.Done;
        order.Add(node);
    }
}
