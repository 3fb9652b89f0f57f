using System.Text.Json.Serialization;

namespace Dgm.Benchmarks.Tasks;

/// <summary>The contents of a task's task.json.</summary>
public sealed record TaskSpec
{
    [JsonPropertyName("instance_id")]
    public required string InstanceId { get; init; }

    /// <summary>The problem statement's file, relative to the task folder.</summary>
    [JsonPropertyName("problem_statement")]
    public string ProblemStatement { get; init; } = "problem.md";

    /// <summary>The test command, run in the repository root; the harness appends the TRX options.</summary>
    [JsonPropertyName("test_command")]
    public required IReadOnlyList<string> TestCommand { get; init; }

    [JsonPropertyName("timeout_seconds")]
    public int TimeoutSeconds { get; init; } = 180;

    [JsonPropertyName("FAIL_TO_PASS")]
    public required IReadOnlyList<string> FailToPass { get; init; }

    [JsonPropertyName("PASS_TO_PASS")]
    public required IReadOnlyList<string> PassToPass { get; init; }

    [JsonPropertyName("tags")]
    public TaskTags Tags { get; init; } = new();

    /// <summary>CUDA kernel sources of the repository and the entry points their PTX must hold (cuda tasks).</summary>
    [JsonPropertyName("kernels")]
    public IReadOnlyList<KernelSource> Kernels { get; init; } = [];

    /// <summary>Whether the task needs a CUDA device to run its tests.</summary>
    [JsonIgnore]
    public bool RequiresCuda => Tags.Requires.Contains("cuda", StringComparer.OrdinalIgnoreCase);
}

/// <summary>One .cu file of a task's repository (path relative to repo/) and its extern "C" __global__ entry points.</summary>
public sealed record KernelSource
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("entries")]
    public IReadOnlyList<string> Entries { get; init; } = [];
}

/// <summary>Descriptive tags of a task.</summary>
public sealed record TaskTags
{
    [JsonPropertyName("bug_class")]
    public string BugClass { get; init; } = "unknown";

    [JsonPropertyName("difficulty")]
    public string Difficulty { get; init; } = "medium";

    /// <summary>"train" (evolution may select on it) or "holdout" (reported only).</summary>
    [JsonPropertyName("split")]
    public string Split { get; init; } = "train";

    /// <summary>Capabilities a machine needs to run the task, such as "cuda".</summary>
    [JsonPropertyName("requires")]
    public IReadOnlyList<string> Requires { get; init; } = [];

    [JsonPropertyName("files_to_fix")]
    public int FilesToFix { get; init; } = 1;

    [JsonPropertyName("methods_to_fix")]
    public int MethodsToFix { get; init; } = 1;

    /// <summary>Whether a visible test reproduces the report (fails before the fix).</summary>
    [JsonPropertyName("visible_repro")]
    public bool VisibleRepro { get; init; }
}
