using System.Text.Json;
using System.Text.Json.Nodes;
using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Evaluation;
using Dgm.Sandbox;

namespace Dgm.Evolution.Runs;

/// <summary>
/// A node's evaluation logs in the contract `Dgm.Agent improve --evals` reads: summary.json and, per task,
/// trajectory.json, patch.diff, problem.md, report.json and agent.log. Hidden test sources never go here, only names.
/// </summary>
public static class EvalLogs
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TaskOutcome Outcome(BenchTask task, int stage, AgentAttempt attempt, double seconds)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(attempt);
        return new TaskOutcome(task.Id, task.Spec.Tags.Split, stage, StatusName(attempt.Grade.Status), attempt.Grade.Resolved, attempt.Grade.PatchExists, attempt.StopReason, seconds, attempt.Grade.GradedBy, attempt.Grade.Fallback);
    }

    public static string StatusName(GradeStatus status) => status switch
    {
        GradeStatus.Resolved => "resolved",
        GradeStatus.Unresolved => "unresolved",
        GradeStatus.EmptyPatch => "empty_patch",
        GradeStatus.PatchFailed => "patch_failed",
        GradeStatus.Timeout => "timeout",
        GradeStatus.Skipped => "skipped",
        GradeStatus.Tampered => "tampered",
        GradeStatus.PolicyViolation => "policy_violation",
        _ => "error",
    };

    public static async Task WriteTaskAsync(string evalsDir, BenchTask task, AgentAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(attempt);
        var dir = Path.Combine(evalsDir, task.Id);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "trajectory.json"), attempt.Trajectory, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir, "patch.diff"), attempt.Patch, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir, "problem.md"), task.ProblemStatement, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir, "report.json"), JsonSerializer.Serialize(attempt.Grade, Indented), cancellationToken);

        // The agent's own console output: why a run without a stop reason ended (a crash, a kill).
        await File.WriteAllTextAsync(Path.Combine(dir, "agent.log"), $"exit {attempt.Run.ExitCode}{(attempt.Run.TimedOut ? " (timed out)" : "")}\n{attempt.Run.Stdout}{attempt.Run.Stderr}", cancellationToken);
    }

    /// <summary>How many ancestors beyond the parent a child's self-improvement is given the logs of (nearest first).</summary>
    public const int LineageDepth = 10;

    /// <summary>
    /// The ancestors' evaluation logs a child's self-improvement reads besides its parent's, as copies into the
    /// sandbox's <paramref name="target"/> folder: one folder per ancestor, nearest first (`01-ID`, `02-ID`, ...),
    /// each with the ancestor's summary.json and the folders of the run's train tasks only. A folder that is not
    /// a train task's (a holdout task's, anything else) is never copied, so holdout cannot steer evolution
    /// through the lineage either. Ancestors without a summary (never evaluated) are left out.
    /// </summary>
    public static IReadOnlyList<CopyIn> LineageCopies(RunFolder folder, IReadOnlyList<string> ancestors, IReadOnlySet<string> trainTasks, string target)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(ancestors);
        ArgumentNullException.ThrowIfNull(trainTasks);
        var items = new List<CopyIn>();
        foreach (var (id, index) in ancestors.Take(LineageDepth).Select((id, i) => (id, i)))
        {
            var dir = folder.EvalsDir(id);
            var summary = Path.Combine(dir, "summary.json");
            if (!File.Exists(summary))
            {
                continue;
            }

            var into = $"{target}/{index + 1:00}-{id}";
            items.Add(new CopyIn(summary, $"{into}/summary.json"));
            foreach (var task in Directory.EnumerateDirectories(dir).Select(d => Path.GetFileName(d)).Where(trainTasks.Contains).Order(StringComparer.Ordinal))
            {
                items.Add(new CopyIn(Path.Combine(dir, task), $"{into}/{task}"));
            }
        }

        return items;
    }

    /// <summary>summary.json: the node's score and one line per attempted task, with the names of required tests that failed.</summary>
    public static async Task WriteSummaryAsync(string evalsDir, Node node, IReadOnlyDictionary<string, TaskReport> grades, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(grades);
        Directory.CreateDirectory(evalsDir);
        var tasks = new JsonArray();
        // Train results only: self-improvement reads this folder, and holdout must never steer evolution.
        foreach (var r in node.Results.Where(r => r.Split != "holdout"))
        {
            var failed = grades.TryGetValue(r.TaskId, out var grade)
                ? grade.Tests.Where(t => t.Value != TestStatus.Passed).Select(t => (JsonNode?)t.Key).ToArray()
                : [];
            tasks.Add(new JsonObject
            {
                ["task"] = r.TaskId,
                ["split"] = r.Split,
                ["stage"] = r.Stage,
                ["status"] = r.Status,
                ["resolved"] = r.Resolved,
                ["patch_exists"] = r.PatchExists,
                ["stop_reason"] = r.StopReason,
                ["failed_tests"] = new JsonArray(failed),
            });
        }

        var summary = new JsonObject { ["node"] = node.Id, ["score"] = node.Score, ["tasks"] = tasks };
        await File.WriteAllTextAsync(Path.Combine(evalsDir, "summary.json"), summary.ToJsonString(Indented), cancellationToken);
    }
}
