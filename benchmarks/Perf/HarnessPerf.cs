using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Perf;

/// <summary>One measured pair: ours against the baseline, medians over interleaved runs.</summary>
public sealed record PerfPair(string Name, string Ours, string Baseline, IReadOnlyList<double> OursSeconds, IReadOnlyList<double> BaselineSeconds, double Target)
{
    public double OursMedian => Median(OursSeconds);

    public double BaselineMedian => Median(BaselineSeconds);

    public double Ratio => OursMedian / BaselineMedian;

    /// <summary>When set, the target is this median in seconds rather than a ratio.</summary>
    public double? AbsoluteTargetSeconds { get; init; }

    /// <summary>With <see cref="AbsoluteTargetSeconds"/>: the ratio target must be met as well.</summary>
    public bool AndRatio { get; init; }

    public bool MeetsTarget => AbsoluteTargetSeconds is { } seconds ? OursMedian <= seconds && (!AndRatio || Ratio <= Target) : Ratio <= Target;

    /// <summary>The target as the table shows it.</summary>
    public string TargetText => AbsoluteTargetSeconds is { } abs
        ? $"≤ {abs:0.0} s median{(AndRatio ? $" and ≤ {Target:0.000}x" : "")}"
        : $"≤ {Target:0.0##}x";

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Measures the harness's overheads side by side in one run: (a) a sandbox's whole lifecycle for a
/// trivial command against `docker run --rm IMAGE true`, (b) grading a task against a bare `dotnet test`
/// of the same prepared repository on the host. Runs alternate so drift on a noisy machine hits both.
/// </summary>
public sealed class HarnessPerf(ISandboxFactory sandboxes, GradingEnvironment environment)
{
    public async Task<PerfPair> SandboxLifecycleAsync(int iterations, CancellationToken cancellationToken)
    {
        var ours = new List<double>();
        var raw = new List<double>();
        var spec = environment.SandboxSpec("perf");
        for (var i = 0; i <= iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await using (var sandbox = await sandboxes.StartAsync(spec, cancellationToken))
            {
                await sandbox.RunAsync(new CommandRequest("true", TimeSpan.FromSeconds(30)), cancellationToken);
            }

            var oursSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var result = await HostProcess.RunAsync("docker", ["run", "--rm", environment.Image, "true"], Path.GetTempPath(), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"docker run failed: {result.Stderr}");
            }

            if (i > 0)
            {
                // The first pair warms caches on both sides and is not counted.
                ours.Add(oursSeconds);
                raw.Add(clock.Elapsed.TotalSeconds);
            }
        }

        return new PerfPair("sandbox lifecycle, trivial command", "ISandbox start + run `true` + dispose", $"docker run --rm {environment.Image} true", ours, raw, 1.2);
    }

    public async Task<PerfPair> GradingAsync(BenchTask task, int iterations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var grader = new Grader(sandboxes, environment, "perf");
        var ours = new List<double>();
        var bare = new List<double>();
        var command = task.Spec.TestCommand;
        var env = new Dictionary<string, string>(GradingEnvironment.TestEnvironment)
        {
            ["NUGET_PACKAGES"] = environment.PackagesDir,
            ["DOTNET_ROOT"] = environment.SdkDir,
            ["HOME"] = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        };
        for (var i = 0; i <= iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            var report = await grader.GradeAsync(task, task.GoldPatch, cancellationToken);
            var oursSeconds = clock.Elapsed.TotalSeconds;
            if (!report.Resolved)
            {
                throw new InvalidOperationException($"perf: the gold patch did not resolve {task.Id}: {report.Status} {report.Error}");
            }

            // The bare run gets the same prepared repository (gold applied, hidden tests in place), fresh.
            var scratch = Directory.CreateTempSubdirectory("dgm-perf-bare-").FullName;
            try
            {
                FileTree.Copy(task.RepoDir, scratch, followLinks: false);
                await Git.InitAsync(scratch, cancellationToken);
                await PatchApplier.ApplyAsync(scratch, task.GoldPatch, cancellationToken);
                FileTree.Copy(task.HiddenDir, scratch, followLinks: false);
                clock.Restart();
                var result = await HostProcess.RunAsync(command[0], command.Skip(1), scratch, cancellationToken, timeout: TimeSpan.FromMinutes(5), environment: env);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"perf: bare dotnet test failed: {result.Stdout}");
                }

                if (i > 0)
                {
                    ours.Add(oursSeconds);
                    bare.Add(clock.Elapsed.TotalSeconds);
                }
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return new PerfPair($"grading one task ({task.Id})", "Grader.GradeAsync: copy, apply, undo protected edits, patch policy, fresh sandbox, build, declared tests, test --no-build with tripwire, cross-checked TRX", $"bare `{string.Join(' ', command)}` on the host, fresh copy", ours, bare, 1.3);
    }

    /// <summary>
    /// Grading the gold patch by the fast path against the full path, interleaved in one process (the plan is
    /// captured before the first pair; the compiler and the policy are warm on both sides after it).
    /// </summary>
    public async Task<PerfPair> FastGradingAsync(BenchTask task, int iterations, Grading.Fast.BuildPlans plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var grader = new Grader(sandboxes, environment, "perf") { Plans = plans };
        await plans.GetAsync(task, cancellationToken);
        var fast = new List<double>();
        var full = new List<double>();
        for (var i = 0; i <= iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            var quick = await grader.GradeAsync(task, task.GoldPatch, cancellationToken, path: GradingPath.Fast);
            var fastSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var slow = await grader.GradeAsync(task, task.GoldPatch, cancellationToken, path: GradingPath.Full);
            var fullSeconds = clock.Elapsed.TotalSeconds;
            if (!quick.Resolved || quick.GradedBy != "fast" || !slow.Resolved)
            {
                throw new InvalidOperationException($"perf: the gold patch of {task.Id} graded {quick.Status} by {quick.GradedBy} ({quick.Fallback}) and {slow.Status} by the full path");
            }

            if (i > 0)
            {
                fast.Add(fastSeconds);
                full.Add(fullSeconds);
            }
        }

        return new PerfPair($"fast grading ({task.Id})", "Grader.GradeAsync by the fast path: the same preparation and checks, the baseline's compiler arguments in memory, the test application run directly in a fresh sandbox", "the full path (the grading measure's ours)", fast, full, 1.0 / 8);
    }

    public static string Markdown(IEnumerable<PerfPair> pairs, string machine, int iterations)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {machine}; medians of {iterations} interleaved runs after one warm-up pair, from one `dgm bench perf` run.");
        text.AppendLine();
        text.AppendLine("| measure | ours (median s) | baseline (median s) | ratio | target | |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var p in pairs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Name}: {p.Ours} vs {p.Baseline} | {p.OursMedian:0.000} | {(p.BaselineSeconds.Count == 0 ? "-" : $"{p.BaselineMedian:0.000}")} | {(p.BaselineSeconds.Count == 0 ? "-" : $"{p.Ratio:0.00}x")} | {p.TargetText} | {(p.MeetsTarget ? "met" : "NOT met")} |");
        }

        return text.ToString();
    }
}
