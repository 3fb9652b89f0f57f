using System.Text.Json.Serialization;
using Dgm.Benchmarks.Control;

namespace Dgm.Benchmarks.Grading;

/// <summary>One test's outcome. Missing and skipped tests count as failures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    Passed,
    Failed,
    Skipped,
    Missing,
    TimedOut,
}

/// <summary>How grading a task ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeStatus>))]
public enum GradeStatus
{
    /// <summary>Every FAIL_TO_PASS and PASS_TO_PASS test passed.</summary>
    Resolved,

    /// <summary>Tests ran; at least one required test did not pass.</summary>
    Unresolved,

    /// <summary>The patch was empty: attempted, not resolved.</summary>
    EmptyPatch,

    /// <summary>The patch did not apply or was refused.</summary>
    PatchFailed,

    /// <summary>The test run hit its time limit.</summary>
    Timeout,

    /// <summary>No test ran (a build failure, a crash) or the harness itself failed.</summary>
    Error,

    /// <summary>The machine lacks what the task requires (for example a CUDA device); left out of scores.</summary>
    Skipped,

    /// <summary>The test results disagree with evidence the test process cannot forge (exit code, declared tests, tripwire, console): never resolved.</summary>
    Tampered,

    /// <summary>The patch uses what no library bug fix needs (see PolicyRules); refused before it was built.</summary>
    PolicyViolation,
}

/// <summary>What grading one patch on one task found.</summary>
public sealed record TaskReport
{
    [JsonPropertyName("instance_id")]
    public required string InstanceId { get; init; }

    [JsonPropertyName("status")]
    public required GradeStatus Status { get; init; }

    [JsonPropertyName("patch_exists")]
    public bool PatchExists { get; init; }

    [JsonPropertyName("applied")]
    public bool Applied { get; init; }

    [JsonPropertyName("apply_method")]
    public string? ApplyMethod { get; init; }

    /// <summary>Paths the patch changed that are tests or test infrastructure; their edits were discarded.</summary>
    [JsonPropertyName("discarded_test_edits")]
    public IReadOnlyList<string> DiscardedTestEdits { get; init; } = [];

    /// <summary>The patch-policy rules the patch broke, when it was refused.</summary>
    [JsonPropertyName("violations")]
    public IReadOnlyList<PolicyViolation> Violations { get; init; } = [];

    /// <summary>The evidence that the results were forged or rewritten, when the status is tampered.</summary>
    [JsonPropertyName("tampered")]
    public string? Tampered { get; init; }

    [JsonPropertyName("resolved")]
    public bool Resolved => Status == GradeStatus.Resolved;

    /// <summary>Which path graded it: "full" (`dotnet build` + `dotnet test`) or "fast" (the baseline build's compiler arguments in memory + the test application run directly); null when nothing was built.</summary>
    [JsonPropertyName("graded_by")]
    public string? GradedBy { get; init; }

    /// <summary>Why the full path graded it although the fast one was asked for, or null.</summary>
    [JsonPropertyName("fallback")]
    public string? Fallback { get; init; }

    [JsonPropertyName("tests")]
    public IReadOnlyDictionary<string, TestStatus> Tests { get; init; } = new Dictionary<string, TestStatus>();

    /// <summary>Per required test that failed, its failure message as the test process reported it (capped; diagnosis only).</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyDictionary<string, string> Failures { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("apply_seconds")]
    public double ApplySeconds { get; init; }

    [JsonPropertyName("test_seconds")]
    public double TestSeconds { get; init; }

    [JsonPropertyName("total_seconds")]
    public double TotalSeconds { get; init; }

    /// <summary>The end of the test command's output, for diagnosis (build errors live here).</summary>
    [JsonPropertyName("output_tail")]
    public string OutputTail { get; init; } = "";
}

/// <summary>Counts and id lists over a set of task reports.</summary>
public sealed record RunReport(IReadOnlyList<TaskReport> Tasks)
{
    [JsonPropertyName("total")]
    public int Total => Tasks.Count;

    /// <summary>Tasks that count for the score: skipped ones (missing hardware) are left out.</summary>
    [JsonPropertyName("attempted")]
    public int Attempted => Tasks.Count(t => t.Status != GradeStatus.Skipped);

    [JsonPropertyName("resolved_ids")]
    public IReadOnlyList<string> ResolvedIds => Ids(GradeStatus.Resolved);

    [JsonPropertyName("unresolved_ids")]
    public IReadOnlyList<string> UnresolvedIds => Ids(GradeStatus.Unresolved, GradeStatus.PatchFailed, GradeStatus.Timeout);

    [JsonPropertyName("empty_patch_ids")]
    public IReadOnlyList<string> EmptyPatchIds => Ids(GradeStatus.EmptyPatch);

    [JsonPropertyName("error_ids")]
    public IReadOnlyList<string> ErrorIds => Ids(GradeStatus.Error);

    [JsonPropertyName("tampered_ids")]
    public IReadOnlyList<string> TamperedIds => Ids(GradeStatus.Tampered);

    [JsonPropertyName("policy_violation_ids")]
    public IReadOnlyList<string> PolicyViolationIds => Ids(GradeStatus.PolicyViolation);

    [JsonPropertyName("skipped_ids")]
    public IReadOnlyList<string> SkippedIds => Ids(GradeStatus.Skipped);

    /// <summary>resolved / attempted; empty patches count as attempted.</summary>
    [JsonPropertyName("score")]
    public double Score => Attempted == 0 ? 0 : (double)ResolvedIds.Count / Attempted;

    private string[] Ids(params GradeStatus[] statuses) =>
        [.. Tasks.Where(t => statuses.Contains(t.Status)).Select(t => t.InstanceId)];
}
