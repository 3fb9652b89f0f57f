namespace Graphs;

/// <summary>A weighted directed graph with non-negative edge weights.</summary>
public sealed class Graph
{
    private readonly Dictionary<string, List<(string To, int Weight)>> _edges = new(StringComparer.Ordinal);

    public void AddEdge(string from, string to, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        Neighbours(from).Add((to, weight));
        Neighbours(to);
    }

    public void AddRoad(string a, string b, int weight)
    {
        AddEdge(a, b, weight);
        AddEdge(b, a, weight);
    }

    /// <summary>Dijkstra's algorithm; null when the target cannot be reached.</summary>
    public int? ShortestDistance(string from, string to)
    {
        if (!_edges.ContainsKey(from) || !_edges.ContainsKey(to))
        {
            return null;
        }

        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
        var queue = new PriorityQueue<string, int>();
        queue.Enqueue(from, 0);
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var node, out var dist))
        {
            if (!done.Add(node))
            {
                continue;
            }

            if (node == to)
            {
                return dist;
            }

            foreach (var (next, weight) in _edges[node])
            {
                var candidate = weight + dist;
                if (!distance.TryGetValue(next, out var known) || candidate > known)
                {
                    distance[next] = candidate;
                    queue.Enqueue(next, candidate);
                }
            }
        }

        return null;
    }

    private List<(string To, int Weight)> Neighbours(string node)
    {
        if (!_edges.TryGetValue(node, out var list))
        {
            list = [];
            _edges[node] = list;
        }

        return list;
    }
}
