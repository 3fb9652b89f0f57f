using System.Diagnostics;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>
/// Grades a patch on a task: apply it to a fresh copy, discard its edits to tests, restore the hidden
/// tests, run them in a fresh sandbox, and read per-test results. Thread-safe; each call is independent.
/// </summary>
public sealed class Grader(ISandboxFactory sandboxes, GradingEnvironment environment, string runId)
{
    public GradingEnvironment Environment => environment;

    /// <summary>Grades <paramref name="patch"/>. An empty patch is reported as such without running tests unless <paramref name="runEmpty"/>.</summary>
    public async Task<TaskReport> GradeAsync(BenchTask task, string? patch, CancellationToken cancellationToken, bool runEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(task);
        var total = Stopwatch.StartNew();
        var hasPatch = !string.IsNullOrWhiteSpace(patch);
        if (environment.Cuda.SkipReason(task) is { } missing)
        {
            // Never attempted here: left out of the score's denominator, listed as skipped.
            return new TaskReport { InstanceId = task.Id, Status = GradeStatus.Skipped, PatchExists = hasPatch, Error = $"skipped: {missing}" };
        }

        if (!hasPatch && !runEmpty)
        {
            return new TaskReport { InstanceId = task.Id, Status = GradeStatus.EmptyPatch, Error = "the patch is empty" };
        }

        var scratch = Directory.CreateTempSubdirectory("dgm-grade-");
        try
        {
            return await GradeInAsync(task, patch ?? "", hasPatch, scratch.FullName, total, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new TaskReport
            {
                InstanceId = task.Id,
                Status = GradeStatus.Error,
                PatchExists = hasPatch,
                Error = $"grading failed: {e.Message}",
                TotalSeconds = total.Elapsed.TotalSeconds,
            };
        }
        finally
        {
            TryDelete(scratch.FullName);
        }
    }

    private async Task<TaskReport> GradeInAsync(BenchTask task, string patch, bool hasPatch, string scratch, Stopwatch total, CancellationToken cancellationToken)
    {
        var applyClock = Stopwatch.StartNew();
        var (repo, outcome, discarded) = await PrepareAsync(task, patch, hasPatch, scratch, cancellationToken);
        if (!outcome.Applied)
        {
            return new TaskReport
            {
                InstanceId = task.Id,
                Status = GradeStatus.PatchFailed,
                PatchExists = true,
                Error = outcome.Error,
                ApplySeconds = applyClock.Elapsed.TotalSeconds,
                TotalSeconds = total.Elapsed.TotalSeconds,
            };
        }

        var applySeconds = applyClock.Elapsed.TotalSeconds;
        var run = await RunTestsAsync(task, repo, scratch, cancellationToken);
        var tests = task.AllTests.Distinct().ToDictionary(
            name => name,
            name => run.Results.TryGetValue(name, out var status) ? status : run.TimedOut ? TestStatus.TimedOut : TestStatus.Missing);
        var status = run.TimedOut ? GradeStatus.Timeout
            : run.Results.Count == 0 ? GradeStatus.Error
            : tests.Values.All(s => s == TestStatus.Passed) ? GradeStatus.Resolved
            : GradeStatus.Unresolved;
        if (status == GradeStatus.Resolved && !hasPatch)
        {
            status = GradeStatus.EmptyPatch; // never counted resolved, but the tests did pass: validation reads Tests
        }

        return new TaskReport
        {
            InstanceId = task.Id,
            Status = status,
            PatchExists = hasPatch,
            Applied = hasPatch,
            ApplyMethod = outcome.Method,
            DiscardedTestEdits = discarded,
            Tests = tests,
            Error = status switch
            {
                GradeStatus.Error => "no test ran: the build failed or the test process crashed (see output_tail)",
                GradeStatus.Timeout => $"the tests did not finish within {task.Spec.TimeoutSeconds} s",
                _ => null,
            },
            ApplySeconds = applySeconds,
            TestSeconds = run.Seconds,
            TotalSeconds = total.Elapsed.TotalSeconds,
            OutputTail = run.OutputTail,
        };
    }

    /// <summary>
    /// Builds the task's test project with <paramref name="patch"/> applied and the hidden tests in place,
    /// without running anything: the static check of tasks this machine cannot run (no CUDA device).
    /// </summary>
    public async Task<BuildCheck> BuildAsync(BenchTask task, string patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var scratch = Directory.CreateTempSubdirectory("dgm-build-");
        try
        {
            var (repo, outcome, _) = await PrepareAsync(task, patch, !string.IsNullOrWhiteSpace(patch), scratch.FullName, cancellationToken);
            if (!outcome.Applied)
            {
                return new BuildCheck(false, $"the patch does not apply: {outcome.Error}");
            }

            await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
            await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);
            var command = string.Join(' ', BuildCommand(task.Spec.TestCommand).Select(Shell.Quote));
            var result = await sandbox.RunAsync(
                new CommandRequest(command, TimeSpan.FromSeconds(task.Spec.TimeoutSeconds)) { OutputCapBytes = 64 * 1024 },
                cancellationToken);
            return result.ExitCode == 0 && !result.TimedOut
                ? new BuildCheck(true, "")
                : new BuildCheck(false, result.TimedOut ? "the build timed out" : Tail(result.Stdout + "\n" + result.Stderr, 1500));
        }
        finally
        {
            TryDelete(scratch.FullName);
        }
    }

    /// <summary>`dotnet test --project P ...` becomes `dotnet build P`: the test project and everything it references.</summary>
    public static IReadOnlyList<string> BuildCommand(IReadOnlyList<string> testCommand)
    {
        var project = testCommand.SkipWhile(a => a != "--project").Skip(1).FirstOrDefault()
            ?? testCommand.FirstOrDefault(a => a.EndsWith(".csproj", StringComparison.Ordinal) || a.EndsWith(".sln", StringComparison.Ordinal) || a.EndsWith(".slnx", StringComparison.Ordinal));
        return project is null ? ["dotnet", "build"] : ["dotnet", "build", project];
    }

    /// <summary>A fresh copy of the repository with the patch applied, its test edits discarded and the hidden tests in place.</summary>
    internal static async Task<(string Repo, PatchOutcome Outcome, IReadOnlyList<string> Discarded)> PrepareAsync(
        BenchTask task, string patch, bool hasPatch, string scratch, CancellationToken cancellationToken)
    {
        var repo = Path.Combine(scratch, "repo");
        FileTree.Copy(task.RepoDir, repo, followLinks: false);
        await Git.InitAsync(repo, cancellationToken);

        PatchOutcome outcome = new(true, null, null);
        if (hasPatch)
        {
            outcome = await PatchApplier.ApplyAsync(repo, patch, cancellationToken);
            if (!outcome.Applied)
            {
                return (repo, outcome, []);
            }
        }

        var discarded = await DiscardProtectedEditsAsync(repo, cancellationToken);
        FileTree.Copy(task.HiddenDir, repo, followLinks: false);
        Directory.Delete(Path.Combine(repo, ".git"), recursive: true);
        return (repo, outcome, discarded);
    }

    private sealed record TestRun(Dictionary<string, TestStatus> Results, bool TimedOut, double Seconds, string OutputTail);

    private async Task<TestRun> RunTestsAsync(BenchTask task, string repo, string scratch, CancellationToken cancellationToken)
    {
        await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
        await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);

        // A fresh, unguessable results folder: a patch cannot plant a TRX there in advance.
        var results = $"{sandbox.WorkDir}/.dgm-results-{Guid.NewGuid():N}";
        var command = string.Join(' ', task.Spec.TestCommand.Concat(["--report-trx", "--results-directory", results]).Select(Shell.Quote));
        var result = await sandbox.RunAsync(
            new CommandRequest(command, TimeSpan.FromSeconds(task.Spec.TimeoutSeconds)) { OutputCapBytes = 64 * 1024 },
            cancellationToken);
        var outputTail = Tail(result.Stdout + "\n" + result.Stderr, 4000);
        if (result.TimedOut)
        {
            return new TestRun([], true, result.Duration.TotalSeconds, outputTail);
        }

        var local = Path.Combine(scratch, "results");
        var parsed = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        var listing = await sandbox.RunAsync(new CommandRequest($"test -d {Shell.Quote(results)}", TimeSpan.FromSeconds(30)), cancellationToken);
        if (listing.ExitCode == 0)
        {
            await sandbox.CopyOutAsync(results, local, cancellationToken);
            foreach (var trx in Directory.EnumerateFiles(local, "*.trx", SearchOption.AllDirectories))
            {
                foreach (var (name, status) in TrxReader.Read(await File.ReadAllTextAsync(trx, cancellationToken)))
                {
                    parsed[name] = parsed.TryGetValue(name, out var earlier) && earlier != TestStatus.Passed ? earlier : status;
                }
            }
        }

        return new TestRun(parsed, false, result.Duration.TotalSeconds, outputTail);
    }

    private static async Task<IReadOnlyList<string>> DiscardProtectedEditsAsync(string repo, CancellationToken cancellationToken)
    {
        var discarded = new List<string>();
        foreach (var (path, tracked) in await Git.ChangedFilesAsync(repo, cancellationToken))
        {
            if (!ProtectedPaths.IsProtected(path))
            {
                continue;
            }

            discarded.Add(path);
            if (tracked)
            {
                await HostProcess.RunAsync("git", ["checkout", "HEAD", "--", path], repo, cancellationToken);
            }
            else
            {
                File.Delete(Path.Combine(repo, path));
            }
        }

        return discarded;
    }

    private static string Tail(string text, int max) => text.Length <= max ? text : text[^max..];

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Whether a task's projects build (with a patch and the hidden tests), and the build's output when not.</summary>
public sealed record BuildCheck(bool Succeeded, string OutputTail);
