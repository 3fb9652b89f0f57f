using System.Diagnostics;
using Dgm.Archive;
using Dgm.Benchmarks.Perf;

namespace Dgm.Cli.Commands;

/// <summary>
/// P7: one iteration of an evolution run at the paper's first two stage sizes (2 children, stage 1 of 10 tasks,
/// stage 2 of 40 more, forced for both, then the best node's holdout task), timed as `dgm evolve --resume` runs
/// it, after the seed's own evaluation (not timed) in the same fresh run folder. The offline seed, the run's
/// default workers and sandboxes. With a baseline, the same iteration again in a second folder with every task
/// graded by the full path.
/// </summary>
internal static class IterationPerf
{
    private static readonly string[] Shape = ["--children", "2", "--stage1", "10", "--stage2", "40", "--stage2-threshold", "-1", "--holdout-tasks", "1", "--seed", "1"];

    public static async Task<PerfPair> MeasureAsync(string suite, bool baseline, TextWriter log, TextWriter error, CancellationToken cancellationToken)
    {
        var ours = await IterationAsync(suite, "fast", log, error, cancellationToken);
        double[] full = baseline ? [await IterationAsync(suite, "full", log, error, cancellationToken)] : [];
        return new PerfPair(
            "P7, one iteration: 2 children, stages 10 + 40 (stage 2 forced), the best node's holdout task, offline seed",
            "`dgm evolve --resume --iterations 1` after the seed's evaluation",
            baseline ? "the same with every task graded by the full path" : "not run (--iteration-baseline)",
            [ours],
            full,
            double.PositiveInfinity)
        { AbsoluteTargetSeconds = 300 };
    }

    private static async Task<double> IterationAsync(string suite, string grading, TextWriter log, TextWriter error, CancellationToken cancellationToken)
    {
        var run = Directory.CreateTempSubdirectory("dgm-perf-p7-").FullName;
        try
        {
            await log.WriteLineAsync($"  {grading} grading: the seed's evaluation in {run} (not timed)...");
            await EvolveAsync(["evolve", "--run", run, "--suite", suite, "--iterations", "0", "--grading", grading, .. Shape], error, cancellationToken);
            await log.WriteLineAsync($"  {grading} grading: one iteration...");
            var clock = Stopwatch.StartNew();
            await EvolveAsync(["evolve", "--run", run, "--resume", "--iterations", "1"], error, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            await log.WriteLineAsync($"  {grading} grading: the iteration took {TimeSpan.FromSeconds(seconds):m\\:ss} ({seconds:0.0} s)");
            await DescribeAsync(run, log);
            return seconds;
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    /// <summary>Where the iteration's time went: its evaluations, their worker time, and the slowest ones.</summary>
    private static async Task DescribeAsync(string run, TextWriter log)
    {
        using var store = ArchiveStore.OpenForRun(run);
        var outcomes = store.All().Where(n => n.Id != "0").SelectMany(n => n.Results.Select(r => (Node: n.Id, Outcome: r))).ToList();
        if (outcomes.Count == 0)
        {
            return;
        }

        await log.WriteLineAsync($"    {outcomes.Count} evaluations of the children, {outcomes.Sum(o => o.Outcome.Seconds):0} s of worker time (median {PerfPair.Median([.. outcomes.Select(o => o.Outcome.Seconds)]):0.0} s); the slowest:");
        foreach (var (node, outcome) in outcomes.OrderByDescending(o => o.Outcome.Seconds).Take(3))
        {
            await log.WriteLineAsync($"    node {node} {outcome.TaskId}: {outcome.Seconds:0.0} s ({outcome.Status}, {outcome.StopReason ?? "-"})");
        }
    }

    /// <summary>`dgm evolve` in this process, its progress kept out of the measure's output (errors pass on).</summary>
    private static async Task EvolveAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        var progress = new StringWriter();
        var code = await DgmApp.Build(progress, error).Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = progress, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        if (code != 0)
        {
            throw new CliException($"perf: `dgm {string.Join(' ', args)}` failed ({code}): {TailOf(progress.ToString())}");
        }
    }

    private static string TailOf(string text) => text.Length <= 1000 ? text : text[^1000..];
}
