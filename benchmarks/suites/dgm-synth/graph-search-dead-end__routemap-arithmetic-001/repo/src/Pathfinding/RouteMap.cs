namespace Pathfinding;

/// <summary>A directed map of one-way routes between named places, searched breadth-first.</summary>
public sealed class RouteMap
{
    private readonly Dictionary<string, List<string>> _routes = new(StringComparer.Ordinal);

    public void AddRoute(string from, string to)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        if (!_routes.TryGetValue(from, out var destinations))
        {
            destinations = [];
            _routes[from] = destinations;
        }

        if (!destinations.Contains(to))
        {
            destinations.Add(to);
        }
    }

    /// <summary>The places reachable from <paramref name="from"/> in one hop, in the order the routes were added.</summary>
    public IReadOnlyList<string> Destinations(string from) =>
        _routes.TryGetValue(from, out var destinations) ? destinations : [];

    /// <summary>A path with the fewest hops from start to goal (both included), or null if there is none.</summary>
    public IReadOnlyList<string>? ShortestPath(string start, string goal)
    {
        if (start == goal)
        {
            return [start];
        }

        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            string current = queue.Dequeue();
            foreach (string next in Destinations(current))
            {
                if (next == start || !cameFrom.TryAdd(next, current))
                {
                    continue;
                }

                if (next == goal)
                {
                    return BuildPath(cameFrom, start, goal);
                }

                queue.Enqueue(next);
            }
        }

        return null;
    }

    /// <summary>Number of hops on the shortest path, or null if goal cannot be reached.</summary>
    public int? HopCount(string start, string goal) => ShortestPath(start, goal)?.Count + 1;

    /// <summary>Every place reachable from start, start included.</summary>
    public IReadOnlySet<string> ReachableFrom(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            foreach (string next in Destinations(queue.Dequeue()))
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private static List<string> BuildPath(Dictionary<string, string> cameFrom, string start, string goal)
    {
        var path = new List<string> { goal };
        for (string place = goal; place != start;)
        {
            place = cameFrom[place];
            path.Add(place);
        }

        path.Reverse();
        return path;
    }
}
