namespace Dgm.Archive;

/// <summary>A node id or alias that names no node of the run (or no committed node of its lineage).</summary>
public sealed class NodeNotFoundException : ArchiveException
{
    public NodeNotFoundException()
    {
    }

    public NodeNotFoundException(string message)
        : base(message)
    {
    }

    public NodeNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id or alias that was asked for.</summary>
    public string? NodeId { get; private init; }

    internal static NodeNotFoundException InArchive(string idOrAlias, string runDir, IReadOnlyList<long> ids)
    {
        var known = ids.Count == 0 ? "the archive is empty" : $"nodes {Ranges(ids)}";
        return new($"No node '{idOrAlias}' in {runDir} ({known}; try 'dgm tree --run {runDir}').") { NodeId = idOrAlias };
    }

    internal static NodeNotFoundException NoBest(string runDir) =>
        new($"No node 'best' in {runDir}: no node is valid with a score yet (try 'seed', or 'dgm tree --run {runDir}').") { NodeId = "best" };

    internal static NodeNotFoundException InLineage(string id, string repository) =>
        new($"Node '{id}' has no commit in {repository} (branch node/{id} is missing); commit it first, or check the id with 'dgm tree'.") { NodeId = id };

    /// <summary>"0-12" for a contiguous run, "0-4, 7, 9-10" otherwise: short even for hundreds of nodes.</summary>
    private static string Ranges(IReadOnlyList<long> sorted)
    {
        var parts = new List<string>();
        var start = sorted[0];
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i < sorted.Count && sorted[i] == sorted[i - 1] + 1)
            {
                continue;
            }

            var end = sorted[i - 1];
            parts.Add(start == end ? $"{start}" : $"{start}-{end}");
            if (i < sorted.Count)
            {
                start = sorted[i];
            }
        }

        return string.Join(", ", parts);
    }
}
