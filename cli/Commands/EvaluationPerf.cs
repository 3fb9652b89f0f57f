using System.Diagnostics;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Perf;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Evaluation;
using Dgm.Sandbox;

namespace Dgm.Cli.Commands;

/// <summary>
/// P6: one task evaluation as an evolution run makes it (the offline seed agent solves in a fresh sandbox, its
/// patch is graded in another), by today's path (sandboxes started per use, the full `dotnet test` grading)
/// against the cheap one (pre-started sandboxes, the fast grading path), interleaved task by task.
/// </summary>
internal static class EvaluationPerf
{
    public static async Task<PerfPair> MeasureAsync(SandboxPool pool, GradingEnvironment environment, string agentDir, IReadOnlyList<BenchTask> tasks, int rounds, TextWriter log, CancellationToken cancellationToken)
    {
        var plans = new BuildPlans(pool, environment, "perf");
        await plans.PrepareAsync(tasks, 2, cancellationToken);
        foreach (var task in tasks)
        {
            await plans.GetVisibleAsync(task, cancellationToken);
        }

        // The agent as an evolution run builds it: its package assemblies precompiled (today's path ran it as built).
        var precompiled = Directory.CreateTempSubdirectory("dgm-perf-agent-").FullName;
        FileTree.Copy(agentDir, precompiled, followLinks: false);
        if (!OperatingSystem.IsWindows())
        {
            // A temporary folder is the owner's alone; the sandbox's user must read the agent it mounts.
            File.SetUnixFileMode(precompiled, (UnixFileMode)0b111_101_101);
        }

        await new ReadyToRun(environment.PackagesDir, environment.SdkDir).CompileFolderAsync(precompiled, cancellationToken);
        var today = new AgentEvaluator(pool.Inner, environment, new Grader(pool.Inner, environment, "perf"), agentDir, "perf");
        var cheap = new AgentEvaluator(pool, environment, new Grader(pool, environment, "perf") { Plans = plans }, precompiled, "perf");
        var timeout = TimeSpan.FromMinutes(5);
        var ours = new List<double>();
        var baseline = new List<double>();
        var (agentRuns, gradings, inMemory) = (new List<double>(), new List<double>(), 0);
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var task in tasks)
            {
                var clock = Stopwatch.StartNew();
                var fast = await cheap.EvaluateAsync(task, "heuristic", null, timeout, cancellationToken, GradingPath.Fast);
                var fastSeconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var full = await today.EvaluateAsync(task, "heuristic", null, timeout, cancellationToken, GradingPath.Full);
                var fullSeconds = clock.Elapsed.TotalSeconds;
                if (fast.Grade.Status != full.Grade.Status)
                {
                    throw new InvalidOperationException($"perf: {task.Id} graded {fast.Grade.Status} ({fast.Grade.GradedBy}, {fast.Grade.Fallback}) by the cheap path and {full.Grade.Status} by today's");
                }

                if (round > 0)
                {
                    // The first round warms both sides (the agent's first start, the compiler) and is not counted.
                    ours.Add(fastSeconds);
                    baseline.Add(fullSeconds);
                    agentRuns.Add(fast.Run.Duration.TotalSeconds);
                    gradings.Add(fast.Grade.TotalSeconds);
                    inMemory += fast.Trajectory.Contains("tests run in memory", StringComparison.Ordinal) ? 1 : 0;
                    await log.WriteLineAsync($"  {task.Id}: {fastSeconds:0.000} s against {fullSeconds:0.000} s (the agent {fast.Run.Duration.TotalSeconds:0.000} s, stopped: {fast.StopReason}; grading {fast.Grade.TotalSeconds:0.000} s by the {fast.Grade.GradedBy ?? "-"} path)");
                }
            }
        }

        Directory.Delete(precompiled, recursive: true);
        // Means, not medians: an empty patch is not graded at all, so a median grading time says little.
        await log.WriteLineAsync($"  cheap path, means: the agent's command in its sandbox {agentRuns.Average():0.000} s, grading {gradings.Average():0.000} s, the rest (sandboxes, copies, plan and build look-ups) {ours.Average() - agentRuns.Average() - gradings.Average():0.000} s; the agent's first test run was in memory in {inMemory} of {ours.Count}");
        return new PerfPair(
            $"P6, one task evaluation by the offline seed agent ({tasks.Count} train tasks × {rounds})",
            "solve in a pre-started sandbox + fast grading",
            "today's path: solve in a fresh sandbox + full grading",
            ours,
            baseline,
            1.0 / 8)
        { AbsoluteTargetSeconds = 2.0, AndRatio = true };
    }
}
