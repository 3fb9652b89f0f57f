namespace Dgm.Agent.Repair;

/// <summary>
/// Ways to write a failing test when no visible test fails, so that offline repair has something to
/// start from. The seed has none: self-improvement adds them from Improve/Vocabulary (calls of Repair/Reproduce),
/// the way it adds repair operators.
/// </summary>
public static class Reproducers
{
    /// <summary>Writes test files into the repository that reproduce the problem; returns the files written (none when it cannot).</summary>
    public delegate IReadOnlyList<string> Reproducer(string repo, string problem);

    public static readonly IReadOnlyList<(string Name, Reproducer Write)> All = [];
}
