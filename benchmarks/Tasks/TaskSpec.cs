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

    /// <summary>Tests no run includes (see <see cref="TestExclusions"/>): patterns over "Namespace.Class.Method", `*` any run of characters.</summary>
    [JsonPropertyName("exclude_tests")]
    public IReadOnlyList<string> ExcludeTests { get; init; } = [];

    [JsonPropertyName("tags")]
    public TaskTags Tags { get; init; } = new();

    /// <summary>CUDA kernel sources of the repository and the entry points their PTX must hold (cuda tasks).</summary>
    [JsonPropertyName("kernels")]
    public IReadOnlyList<KernelSource> Kernels { get; init; } = [];

    /// <summary>What the task's fixes may touch beyond source files, and which patch-policy rules it relaxes.</summary>
    [JsonPropertyName("control")]
    public TaskControl Control { get; init; } = new();

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

/// <summary>
/// A task's exceptions to the control layer's defaults: paths a legitimate fix may edit although they are
/// protected by default (an MSBuild file, a config file), and patch-policy rules that do not apply to it.
/// Test projects and hidden test files stay protected whatever is declared here.
/// </summary>
public sealed record TaskControl
{
    /// <summary>Globs relative to repo/ (`*` within a segment, `**` across segments).</summary>
    [JsonPropertyName("allow_edits")]
    public IReadOnlyList<string> AllowEdits { get; init; } = [];

    /// <summary>Ids of patch-policy rules (see PolicyRules) that are not enforced for this task.</summary>
    [JsonPropertyName("relax_rules")]
    public IReadOnlyList<string> RelaxRules { get; init; } = [];

    /// <summary>Always graded by the full `dotnet test` path, never the fast in-memory one.</summary>
    [JsonPropertyName("full_only")]
    public bool FullOnly { get; init; }
}
