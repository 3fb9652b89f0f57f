using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Perf;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Cli.Commands;

/// <summary>
/// The offline agent's candidate validation (in-memory compile + child-process test run), timed by the
/// agent itself per candidate, against a bare `dotnet test` of a task. Target: median at most 0.5 s.
/// </summary>
internal static partial class RepairPerf
{
    public static async Task<PerfPair> MeasureAsync(string agentDir, BenchTask task, IReadOnlyList<double> dotnetTestSeconds, GradingEnvironment environment, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("dgm-repair-perf-").FullName;
        try
        {
            var repo = Path.Combine(work, "repo");
            FileTree.Copy(task.RepoDir, repo, followLinks: false);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { Path.Combine(agentDir, "Dgm.Agent.dll"), "solve", "--repo", repo, "--problem", task.ProblemPath, "--out", Path.Combine(work, "o.patch"), "--log", Path.Combine(work, "t.json") })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["NUGET_PACKAGES"] = environment.PackagesDir;
            start.Environment["NuGetAudit"] = "false";
            using var process = Process.Start(start) ?? throw new CliException("Could not start the agent.");
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            using var trajectory = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "t.json"), cancellationToken));
            var seconds = trajectory.RootElement.GetProperty("notes").EnumerateArray()
                .Select(n => Duration().Match(n.GetString() ?? ""))
                .Where(m => m.Success)
                .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1000)
                .ToList();
            if (seconds.Count == 0)
            {
                throw new CliException($"The agent validated no candidate on {task.Id}; pick a task with a failing visible test (--repair-task).");
            }

            return new PerfPair($"offline repair: validating one candidate ({task.Id}, {seconds.Count} candidates, the first one cold)", "in-memory Roslyn compile + tests in a child process", "bare `dotnet test` of a task (from the grading measure)", seconds, dotnetTestSeconds, 0.5 / PerfPair.Median(dotnetTestSeconds))
            {
                AbsoluteTargetSeconds = 0.5,
            };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"\((\d+) ms\)")]
    private static partial Regex Duration();
}
