using System.Text.Json.Serialization;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Benchmarks.Validation;

/// <summary>
/// The verdict on one task: the gold patch resolves it, twice, and the empty patch does not. A task this
/// machine cannot run (no CUDA device) is judged by its static check alone and says why it was skipped.
/// </summary>
public sealed record TaskValidation(
    [property: JsonPropertyName("instance_id")] string InstanceId,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems,
    [property: JsonPropertyName("runs")] IReadOnlyList<TaskReport> Runs)
{
    /// <summary>What the static check covered (kernels compiled, builds), empty for tasks without kernels.</summary>
    [JsonPropertyName("static_check")]
    public IReadOnlyList<string> StaticCheck { get; init; } = [];

    /// <summary>Why the task's tests were not run here ("no CUDA device: ..."), or null.</summary>
    [JsonPropertyName("skipped")]
    public string? Skipped { get; init; }
}

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

    /// <summary>Tasks whose tests could not run on this machine, and why.</summary>
    [JsonPropertyName("skipped")]
    public IReadOnlyDictionary<string, string> Skipped => Results.Where(r => r.Skipped is not null).ToDictionary(r => r.InstanceId, r => r.Skipped!);
}

/// <summary>
/// Grades every task with its gold patch twice and with an empty patch once. Tasks with CUDA kernels also get
/// the static check: NVRTC compiles the buggy and the gold kernels; where the machine cannot run them, the
/// buggy and the gold repository (with the hidden tests) must build instead.
/// </summary>
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
        var jobs = tasks.SelectMany(Jobs).ToList();
        var reports = new TaskReport?[jobs.Count];
        var builds = new BuildCheck?[jobs.Count];
        var remaining = jobs.GroupBy(j => j.Task.Id).ToDictionary(g => g.Key, g => g.Count());
        var results = new List<TaskValidation>();
        var gate = new Lock();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var (task, kind) = jobs[index];
                switch (kind)
                {
                    case Job.Gold or Job.Empty:
                        reports[index] = await grader.GradeAsync(task, kind == Job.Gold ? task.GoldPatch : "", token, runEmpty: true);
                        break;
                    case Job.BuildGold or Job.BuildBuggy:
                        builds[index] = await grader.BuildAsync(task, kind == Job.BuildGold ? task.GoldPatch : "", token);
                        break;
                }

                bool last;
                lock (gate)
                {
                    last = --remaining[task.Id] == 0;
                }

                if (!last)
                {
                    return;
                }

                var mine = Enumerable.Range(0, jobs.Count).Where(i => jobs[i].Task == task).ToList();
                var done = await JudgeAsync(
                    task,
                    [.. mine.Where(i => reports[i] is not null).Select(i => reports[i]!)],
                    [.. mine.Where(i => builds[i] is not null).Select(i => (jobs[i].Kind == Job.BuildGold ? "gold" : "buggy", builds[i]!))],
                    token);
                lock (gate)
                {
                    results.Add(done);
                }

                progress?.Invoke(done);
            });

        // Folders that failed to load count only when the whole suite is validated.
        var loadErrors = tasks.Count == suite.Tasks.Count ? suite.Errors : [];
        return new SuiteValidation(suite.Name, [.. results.OrderBy(r => r.InstanceId, StringComparer.Ordinal)], loadErrors);
    }

    private enum Job
    {
        Gold,
        Empty,
        BuildGold,
        BuildBuggy,
    }

    private IEnumerable<(BenchTask Task, Job Kind)> Jobs(BenchTask task) =>
        grader.Environment.Cuda.SkipReason(task) is not null
            ? [(task, Job.BuildGold), (task, Job.BuildBuggy)]
            : [.. Enumerable.Repeat((task, Job.Gold), GoldRuns), (task, Job.Empty)];

    private async Task<TaskValidation> JudgeAsync(
        BenchTask task, IReadOnlyList<TaskReport> runs, IReadOnlyList<(string Version, BuildCheck Check)> builds, CancellationToken cancellationToken)
    {
        var skipped = grader.Environment.Cuda.SkipReason(task);
        var graded = skipped is null ? Judge(task, runs) : new TaskValidation(task.Id, true, [], []);
        if (task.Spec.Kernels.Count == 0 && builds.Count == 0)
        {
            return graded;
        }

        var problems = new List<string>(graded.Problems);
        var covered = new List<string>();
        if (task.Spec.Kernels.Count > 0)
        {
            var kernelProblems = await CheckKernelsAsync(task, cancellationToken);
            problems.AddRange(kernelProblems);
            if (kernelProblems.Count == 0)
            {
                covered.Add($"NVRTC compiles the {task.Spec.Kernels.Count} kernel file(s), buggy and gold, with all {task.Spec.Kernels.Sum(k => k.Entries.Count)} entry points");
            }
        }

        foreach (var (version, check) in builds)
        {
            if (check.Succeeded)
            {
                covered.Add($"the {version} repository builds with the hidden tests");
            }
            else
            {
                problems.Add($"the {version} repository does not build with the hidden tests: {check.OutputTail[Math.Max(0, check.OutputTail.Length - 600)..].ReplaceLineEndings(" | ")}");
            }
        }

        return graded with { Valid = problems.Count == 0, Problems = problems, StaticCheck = covered, Skipped = skipped is null ? null : $"skipped: {skipped}" };
    }

    /// <summary>The kernels as the task ships them (buggy) and with the gold patch applied.</summary>
    private static async Task<IReadOnlyList<string>> CheckKernelsAsync(BenchTask task, CancellationToken cancellationToken)
    {
        var problems = new List<string>(KernelChecker.Check(task.RepoDir, task.Spec.Kernels, "buggy"));
        var scratch = Directory.CreateTempSubdirectory("dgm-kernels-");
        try
        {
            var prepared = await PreparedRepo.CreateAsync(task, task.GoldPatch, hasPatch: true, scratch.FullName, cancellationToken);
            problems.AddRange(
                !prepared.Outcome.Applied ? [$"gold: the gold patch does not apply: {prepared.Outcome.Error}"]
                : prepared.Violations.Count > 0 ? [$"gold: the gold patch is refused by the patch policy: {prepared.Violations[0]}"]
                : KernelChecker.Check(prepared.Repo, task.Spec.Kernels, "gold"));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        return problems;
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
