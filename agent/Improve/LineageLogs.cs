namespace Dgm.Agent.Improve;

/// <summary>
/// The logs a diagnosis reads: the parent's, then its ancestors' (train tasks only: the harness gives no other),
/// so the causes it sees are not limited to the parent's own stage tasks. A task seen by several nodes counts
/// once, as the nearest one saw it (the parent's agent is closest to the one being improved).
/// </summary>
public static class LineageLogs
{
    public static IReadOnlyList<TaskLog> Merge(IReadOnlyList<TaskLog> parent, IReadOnlyList<TaskLog> ancestors)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(ancestors);
        var seen = parent.Select(l => l.Task).ToHashSet(StringComparer.Ordinal);
        var merged = parent.ToList();
        foreach (var log in ancestors.OrderBy(l => l.Depth))
        {
            if (seen.Add(log.Task))
            {
                merged.Add(log);
            }
        }

        return merged;
    }
}
