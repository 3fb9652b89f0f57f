namespace Dgm.Archive;

/// <summary>Where a run stands: running until the loop ends it, or interrupted when a process died or was stopped.</summary>
public enum RunStatus
{
    Running,
    Finished,
    Interrupted,
    Failed,
}

/// <summary>One run's metadata: its id, when it started and ended, and the options it was started with.</summary>
/// <remarks>Options are kept as text so that a resumed or reported run shows exactly what was asked.</remarks>
public sealed record RunInfo(
    string RunId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Options,
    RunStatus Status,
    DateTimeOffset? Finished = null)
{
    /// <summary>Wall time of every process of the run, each counted up to its last recorded moment (a SIGKILL loses only the time since).</summary>
    public double WallSeconds { get; init; }

    /// <summary>Task evaluations started by every process of the run, interrupted ones included.</summary>
    public int Evaluations { get; init; }

    /// <summary>How many processes have run it (the first start and every resume).</summary>
    public int Processes { get; init; }
}
