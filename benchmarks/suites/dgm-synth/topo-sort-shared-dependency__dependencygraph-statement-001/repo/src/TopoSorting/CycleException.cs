namespace TopoSorting;

public sealed class CycleException : Exception
{
    public CycleException(IReadOnlyList<string> cycle)
        : base("Dependency cycle: " + string.Join(" -> ", cycle))
    {
        Cycle = cycle;
    }

    /// <summary>The nodes on the cycle, starting and ending with the same node.</summary>
    public IReadOnlyList<string> Cycle { get; }
}
