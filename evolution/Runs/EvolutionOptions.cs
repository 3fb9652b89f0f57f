namespace Dgm.Evolution.Runs;

/// <summary>Everything that shapes one evolution run. Stored in the archive so `--resume` continues the same run.</summary>
public sealed record EvolutionOptions
{
    public required string RunDir { get; init; }

    public string Suite { get; init; } = "dgm-bugs";

    /// <summary>heuristic (offline), openai:MODEL, or replay:CASSETTE.</summary>
    public string Model { get; init; } = "heuristic";

    /// <summary>Iterations in total (a resumed run counts the ones already done).</summary>
    public int Iterations { get; init; } = 3;

    /// <summary>Children per iteration (parents drawn with replacement).</summary>
    public int Children { get; init; } = 2;

    public string Selection { get; init; } = "dgm";

    public int Workers { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; }

    public string Sandbox { get; init; } = "docker";

    /// <summary>Train tasks every child runs first (does it still edit code at all?).</summary>
    public int Stage1Tasks { get; init; } = 10;

    /// <summary>More train tasks for a child that resolves more than <see cref="Stage2Threshold"/> of stage 1.</summary>
    public int Stage2Tasks { get; init; } = 40;

    public double Stage2Threshold { get; init; } = 0.4;

    /// <summary>fast: stages 1 and 2 are graded by the fast path where it is faithful (the rest of train and holdout always by the full path); full: every task by the full path.</summary>
    public string Grading { get; init; } = "fast";

    /// <summary>Evaluate the rest of train for nodes among the archive's top two after stage 2.</summary>
    public bool FullTrain { get; init; }

    /// <summary>Holdout tasks scored for the seed and the final best (0: all of the holdout split).</summary>
    public int HoldoutTasks { get; init; }

    /// <summary>all: keep every valid child (open-ended); better: only children scoring at least seed − 0.1.</summary>
    public string Keep { get; init; } = "all";

    /// <summary>
    /// evolving: a child's self-improvement runs its parent's build (the improver is part of what evolves);
    /// frozen: it always runs the seed's build on the parent's source (the paper's fixed meta agent, an ablation).
    /// </summary>
    public string Improver { get; init; } = "evolving";

    /// <summary>auto, or manual: valid children wait as pending until `dgm approve`.</summary>
    public string Approve { get; init; } = "auto";

    public int TaskTimeoutSeconds { get; init; } = 300;

    public int ImproveTimeoutSeconds { get; init; } = 600;

    public int? MaxEvaluations { get; init; }

    public double? MaxCostDollars { get; init; }

    public double? MaxWallMinutes { get; init; }

    /// <summary>The seed agent's source (the repository's agent/ folder).</summary>
    public string? SeedSource { get; init; }

    public string? Endpoint { get; init; }
}
