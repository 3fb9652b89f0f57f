using System.Diagnostics;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>
/// Grades a patch on a task: apply it to a fresh copy, undo its edits in protected places, refuse it when it
/// breaks the patch policy, restore the hidden tests, build and run them in a fresh sandbox, and cross-check
/// the per-test results (<see cref="Control.ResultCheck"/>). Thread-safe; each call is independent.
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
        var prepared = await PreparedRepo.CreateAsync(task, patch, hasPatch, scratch, cancellationToken);
        var applySeconds = applyClock.Elapsed.TotalSeconds;
        if (!prepared.Outcome.Applied)
        {
            return new TaskReport
            {
                InstanceId = task.Id,
                Status = GradeStatus.PatchFailed,
                PatchExists = true,
                Error = prepared.Outcome.Error,
                ApplySeconds = applySeconds,
                TotalSeconds = total.Elapsed.TotalSeconds,
            };
        }

        if (prepared.Violations.Count > 0)
        {
            // Refused before anything of it is built or run.
            return new TaskReport
            {
                InstanceId = task.Id,
                Status = GradeStatus.PolicyViolation,
                PatchExists = true,
                Applied = true,
                ApplyMethod = prepared.Outcome.Method,
                DiscardedTestEdits = prepared.Discarded,
                Violations = prepared.Violations,
                Error = $"refused by the patch policy: {prepared.Violations[0]}",
                ApplySeconds = applySeconds,
                TotalSeconds = total.Elapsed.TotalSeconds,
            };
        }

        TestRunOutcome run;
        await using (var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken))
        {
            run = await TestRunner.RunAsync(sandbox, task, prepared.Repo, scratch, cancellationToken);
        }

        var results = run.Checked.Results;
        var tests = task.AllTests.Distinct().ToDictionary(
            name => name,
            name => results.TryGetValue(name, out var status) ? status : run.TimedOut ? TestStatus.TimedOut : TestStatus.Missing);
        var status = run.TimedOut ? GradeStatus.Timeout
            : run.Checked.Tampered is not null ? GradeStatus.Tampered
            : run.Checked.Error is not null || results.Count == 0 ? GradeStatus.Error
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
            ApplyMethod = prepared.Outcome.Method,
            DiscardedTestEdits = prepared.Discarded,
            Tests = status == GradeStatus.Tampered ? new Dictionary<string, TestStatus>() : tests,
            Tampered = run.Checked.Tampered,
            Error = status switch
            {
                GradeStatus.Error => run.Checked.Error ?? "no test ran: the build failed or the test process crashed (see output_tail)",
                GradeStatus.Timeout => $"the build and tests did not finish within {task.Spec.TimeoutSeconds} s",
                GradeStatus.Tampered => $"the test results were tampered with: {run.Checked.Tampered}",
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
            var prepared = await PreparedRepo.CreateAsync(task, patch, !string.IsNullOrWhiteSpace(patch), scratch.FullName, cancellationToken);
            if (!prepared.Outcome.Applied)
            {
                return new BuildCheck(false, $"the patch does not apply: {prepared.Outcome.Error}");
            }

            if (prepared.Violations.Count > 0)
            {
                return new BuildCheck(false, $"the patch is refused by the patch policy: {prepared.Violations[0]}");
            }

            var repo = prepared.Repo;

            await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
            await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);
            var command = string.Join(' ', BuildCommand(task.Spec.TestCommand).Select(Shell.Quote));
            var result = await sandbox.RunAsync(
                new CommandRequest(command, TimeSpan.FromSeconds(task.Spec.TimeoutSeconds)) { OutputCapBytes = 64 * 1024 },
                cancellationToken);
            return result.ExitCode == 0 && !result.TimedOut
                ? new BuildCheck(true, "")
                : new BuildCheck(false, result.TimedOut ? "the build timed out" : TestRunner.Tail(result.Stdout + "\n" + result.Stderr, 1500));
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
