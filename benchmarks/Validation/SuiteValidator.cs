using System.Text.Json.Serialization;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Benchmarks.Validation;

/// <summary>The verdict on one task: the gold patch resolves it, twice, and the empty patch does not.</summary>
public sealed record TaskValidation(
    [property: JsonPropertyName("instance_id")] string InstanceId,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems,
    [property: JsonPropertyName("runs")] IReadOnlyList<TaskReport> Runs);

/// <summary>A suite's validation: tasks, the valid ones, the invalid ones and why.</summary>
public sealed record SuiteValidation(
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("results")] IReadOnlyList<TaskValidation> Results,
    [property: JsonPropertyName("load_errors")] IReadOnlyList<TaskLoadError> LoadErrors)
{
    [JsonPropertyName("tasks")]
    public int Tasks => Results.Count + LoadErrors.Count;

    [JsonPropertyName("valid")]
    public int Valid => Results.Count(r => r.Valid);

    [JsonPropertyName("invalid_ids")]
    public IReadOnlyList<string> InvalidIds => [.. Results.Where(r => !r.Valid).Select(r => r.InstanceId), .. LoadErrors.Select(e => e.Folder)];

    [JsonPropertyName("ok")]
    public bool Ok => InvalidIds.Count == 0;
}

/// <summary>Grades every task with its gold patch twice and with an empty patch once.</summary>
public sealed class SuiteValidator(Grader grader)
{
    public const int GoldRuns = 2;

    public async Task<SuiteValidation> ValidateAsync(
        Suite suite,
        IReadOnlyList<BenchTask> tasks,
        int workers,
        Action<TaskValidation>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(tasks);

        // Every (task, run) pair is one job, so both cores stay busy even at the end of the list.
        var jobs = tasks.SelectMany(t => Enumerable.Range(0, GoldRuns + 1).Select(run => (Task: t, Gold: run < GoldRuns))).ToList();
        var reports = new TaskReport[jobs.Count];
        var remaining = tasks.ToDictionary(t => t.Id, _ => GoldRuns + 1);
        var results = new List<TaskValidation>();
        var gate = new Lock();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var (task, gold) = jobs[index];
                reports[index] = await grader.GradeAsync(task, gold ? task.GoldPatch : "", token, runEmpty: true);
                TaskValidation? done = null;
                lock (gate)
                {
                    if (--remaining[task.Id] == 0)
                    {
                        var runs = Enumerable.Range(0, jobs.Count).Where(i => jobs[i].Task == task).Select(i => reports[i]).ToList();
                        done = Judge(task, runs);
                        results.Add(done);
                    }
                }

                if (done is not null)
                {
                    progress?.Invoke(done);
                }
            });

        // Folders that failed to load count only when the whole suite is validated.
        var loadErrors = tasks.Count == suite.Tasks.Count ? suite.Errors : [];
        return new SuiteValidation(suite.Name, [.. results.OrderBy(r => r.InstanceId, StringComparer.Ordinal)], loadErrors);
    }

    /// <summary>Runs are the gold runs first, then the empty run.</summary>
    public static TaskValidation Judge(BenchTask task, IReadOnlyList<TaskReport> runs)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(runs);
        var problems = new List<string>();
        var gold = runs.Take(GoldRuns).ToList();
        for (var i = 0; i < gold.Count; i++)
        {
            if (!gold[i].Resolved)
            {
                var failing = gold[i].Tests.Where(t => t.Value != TestStatus.Passed).Select(t => $"{t.Key}={t.Value}").Take(5);
                problems.Add($"gold run {i + 1} is {gold[i].Status}: {gold[i].Error ?? string.Join(", ", failing)}{Tail(gold[i])}");
            }
        }

        if (gold.Count == GoldRuns && gold[0].Resolved != gold[1].Resolved)
        {
            problems.Add("unstable: the two gold runs disagree");
        }

        var empty = runs[^1];
        if (empty.Tests.Count == 0 || empty.Status is GradeStatus.Error or GradeStatus.Timeout)
        {
            problems.Add($"the empty patch run is {empty.Status}: {empty.Error}{Tail(empty)}");
        }
        else if (empty.Tests.Values.All(s => s == TestStatus.Passed))
        {
            problems.Add("the empty patch passes every test: the tests do not catch the bug");
        }
        else
        {
            var passingF2P = task.Spec.FailToPass.Where(t => empty.Tests.GetValueOrDefault(t) == TestStatus.Passed).ToList();
            if (passingF2P.Count > 0)
            {
                problems.Add($"FAIL_TO_PASS tests already pass without the fix: {string.Join(", ", passingF2P)}");
            }

            var failingP2P = task.Spec.PassToPass.Where(t => empty.Tests.GetValueOrDefault(t) != TestStatus.Passed).ToList();
            if (failingP2P.Count > 0)
            {
                problems.Add($"PASS_TO_PASS tests fail without the fix: {string.Join(", ", failingP2P)}");
            }
        }

        return new TaskValidation(task.Id, problems.Count == 0, problems, runs);
    }

    /// <summary>The end of a failed run's output, where build errors and crashes show.</summary>
    private static string Tail(TaskReport run) =>
        run.Status is GradeStatus.Error && run.OutputTail.Length > 0
            ? $" [output: ...{run.OutputTail[Math.Max(0, run.OutputTail.Length - 400)..].ReplaceLineEndings(" | ")}]"
            : "";
}
