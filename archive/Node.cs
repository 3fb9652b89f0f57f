namespace Dgm.Archive;

/// <summary>Where a node is in its life. Only <see cref="Valid"/> nodes are ever selected as parents.</summary>
public enum NodeStatus
{
    SelfImproving,
    Building,
    Evaluating,
    Valid,
    Invalid,
    PendingApproval,
    Rejected,
}

/// <summary>The paper's five diagnosis fields: what the parent's logs show and what to change.</summary>
public sealed record Diagnosis(
    string LogSummarization,
    string PotentialImprovements,
    string ImprovementProposal,
    string ImplementationSuggestion,
    string ProblemDescription);

/// <summary>
/// One task attempted by a node: grade status (resolved, unresolved, empty_patch, error, timeout), the agent's
/// stop reason, and which grading path decided it ("fast", "full"; null when nothing was built, and in records
/// written before the fast path existed) with the reason when the full path stood in for the fast one.
/// </summary>
public sealed record TaskOutcome(string TaskId, string Split, int Stage, string Status, bool Resolved, bool PatchExists, string? StopReason, double Seconds, string? GradedBy = null, string? Fallback = null);

/// <summary>
/// A control-layer rule a child agent's change to its own source broke (see Dgm.Benchmarks.Control.PolicyRules.Agent):
/// where, what, and whether it kept the child out of the archive.
/// </summary>
public sealed record PolicyFinding(string Rule, string Path, int Line, string Detail, bool Blocks);

/// <summary>One evaluation stage of a node.</summary>
public sealed record StageResult(int Stage, int Attempted, int Resolved)
{
    public double Score => Attempted == 0 ? 0 : (double)Resolved / Attempted;
}

/// <summary>
/// One agent in the archive: the seed (id "0", no parent) or a child made by self-improvement.
/// Immutable: the archive stores a new version on every change.
/// </summary>
public sealed record Node
{
    public required string Id { get; init; }

    public string? ParentId { get; init; }

    public int Generation { get; init; }

    /// <summary>The loop iteration that created the node (0 for the seed).</summary>
    public int Iteration { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public NodeStatus Status { get; init; }

    /// <summary>Why the node is invalid (empty diff, build failure, timeout, no non-empty patch in stage 1, ...).</summary>
    public string? InvalidReason { get; init; }

    public Diagnosis? Diagnosis { get; init; }

    /// <summary>The problem statement the parent worked on to produce this node.</summary>
    public string? ProblemStatement { get; init; }

    public IReadOnlyList<StageResult> Stages { get; init; } = [];

    /// <summary>Agent rules the node's diff of its parent's source broke, recorded whether or not they blocked it.</summary>
    public IReadOnlyList<PolicyFinding> Findings { get; init; } = [];

    /// <summary>Per-task results over all stages and splits.</summary>
    public IReadOnlyList<TaskOutcome> Results { get; init; } = [];

    /// <summary>Resolved over attempted on train tasks: the score selection uses. Null until evaluated.</summary>
    public double? Score { get; init; }

    /// <summary>Resolved over attempted on holdout tasks, for the seed and the final best only.</summary>
    public double? HoldoutScore { get; init; }

    public double CostDollars { get; init; }

    public long Tokens { get; init; }

    /// <summary>Children already in the archive (every status), kept by the store.</summary>
    public int Children { get; init; }

    /// <summary>Lines added plus lines removed from the parent's source to this node's (0 for the seed), once committed.</summary>
    public int DiffLines { get; init; }

    /// <summary>The node's commit in the lineage repository (its full source), once committed.</summary>
    public string? Commit { get; init; }

    /// <summary>The node's log folder, relative to the run folder.</summary>
    public string? LogsDir { get; init; }

    public bool IsSeed => ParentId is null;
}
