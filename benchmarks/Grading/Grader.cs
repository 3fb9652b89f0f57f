using System.Diagnostics;
using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>
/// Grades a patch on a task: apply it to a fresh copy, undo its edits in protected places, refuse it when it
/// breaks the patch policy, restore the hidden tests, build and run them in a fresh sandbox, and cross-check
/// the per-test results (<see cref="Control.ResultCheck"/>). Two paths build and run the tests: the full one
/// (`dotnet build`, then `dotnet test --no-build`) and, when asked for and the patch allows it
/// (<see cref="FastEligibility"/>), the fast one: the task's baseline compiler arguments (<see cref="BuildPlans"/>)
/// compiled in memory here, then the test application run directly in a fresh sandbox, cross-checked the same
/// way. Whatever the fast path cannot grade faithfully falls back to the full one, and the report says which
/// graded it and why. Thread-safe; each call is independent.
/// </summary>
public sealed class Grader(ISandboxFactory sandboxes, GradingEnvironment environment, string runId)
{
    /// <summary>How long the in-memory compile may take before the full path builds instead.</summary>
    private static readonly TimeSpan FastCompileLimit = TimeSpan.FromSeconds(60);

    public GradingEnvironment Environment => environment;

    /// <summary>The task plans the fast path compiles from; null: every grading takes the full path.</summary>
    public BuildPlans? Plans { get; init; }

    /// <summary>Grades <paramref name="patch"/>. An empty patch is reported as such without running tests unless <paramref name="runEmpty"/>.</summary>
    public async Task<TaskReport> GradeAsync(BenchTask task, string? patch, CancellationToken cancellationToken, bool runEmpty = false, GradingPath path = GradingPath.Full)
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
            return await GradeInAsync(task, patch ?? "", hasPatch, scratch.FullName, total, path, cancellationToken);
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

    private async Task<TaskReport> GradeInAsync(BenchTask task, string patch, bool hasPatch, string scratch, Stopwatch total, GradingPath path, CancellationToken cancellationToken)
    {
        var applyClock = Stopwatch.StartNew();
        var prepared = await PreparedRepo.CreateAsync(task, patch, hasPatch, Path.Combine(scratch, "first"), cancellationToken);
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

        var (run, fallback) = path == GradingPath.Fast ? await TryFastAsync(task, prepared, scratch, cancellationToken) : (null, null);
        if (run is null)
        {
            if (path == GradingPath.Fast)
            {
                // The fast attempt wrote into its copy (plan files, a tripwire): the full path starts from a fresh one.
                prepared = await PreparedRepo.CreateAsync(task, patch, hasPatch, Path.Combine(scratch, "second"), cancellationToken);
            }

            await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
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
            Failures = status == GradeStatus.Tampered ? new Dictionary<string, string>() : run.Checked.Failures.Where(f => tests.ContainsKey(f.Key)).ToDictionary(),
            Tampered = run.Checked.Tampered,
            GradedBy = fallback is null && path == GradingPath.Fast ? "fast" : "full",
            Fallback = fallback,
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
    /// Whether <paramref name="patch"/> compiles on the fast path's in-memory build of the task (no sandbox, no test
    /// run): null when it does, else the compiler's first errors or why the fast path cannot tell. Task synthesis
    /// screens its candidate bugs with it before grading them.
    /// </summary>
    public async Task<string?> FastCompileErrorsAsync(BenchTask task, string patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (Plans is null)
        {
            return "no build plans: the fast path is not set up";
        }

        var scratch = Directory.CreateTempSubdirectory("dgm-compile-");
        try
        {
            var prepared = await PreparedRepo.CreateAsync(task, patch, !string.IsNullOrWhiteSpace(patch), Path.Combine(scratch.FullName, "repo"), cancellationToken);
            if (!prepared.Outcome.Applied)
            {
                return prepared.Outcome.Error ?? "the patch does not apply";
            }

            var entry = await Plans.GetAsync(task, cancellationToken);
            FileTree.Copy(entry.GeneratedFolder, prepared.Repo, followLinks: false);
            FileTree.Copy(entry.OutputFolder, Path.Combine(prepared.Repo, entry.Plan.TestOutputDir), followLinks: false);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(FastCompileLimit);
            var build = FastCompiler.Compile(entry.Plan, new PlanPaths(prepared.Repo, environment.PackagesDir, environment.SdkDir), limit.Token);
            return build.Succeeded ? null : TestRunner.Tail(build.Errors, 500);
        }
        finally
        {
            TryDelete(scratch.FullName);
        }
    }

    /// <summary>Whatever goes wrong on the fast path (a file, a sandbox) only sends the grading to the full path.</summary>
    private async Task<(TestRunOutcome? Run, string? Fallback)> TryFastAsync(BenchTask task, PreparedRepo prepared, string scratch, CancellationToken cancellationToken)
    {
        try
        {
            return await FastAsync(task, prepared, scratch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"the fast path failed ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>
    /// The fast path: the outcome of the tests, or null and why the full path must grade instead (the task is
    /// full-only, the patch touches what only MSBuild understands, or the in-memory compile failed: the full
    /// build then decides, with its own errors).
    /// </summary>
    private async Task<(TestRunOutcome? Run, string? Fallback)> FastAsync(BenchTask task, PreparedRepo prepared, string scratch, CancellationToken cancellationToken)
    {
        if (Plans is null)
        {
            return (null, "no build plans: the fast path is not set up");
        }

        PlanEntry entry;
        try
        {
            entry = await Plans.GetAsync(task, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"the task's build plan could not be captured: {e.Message}");
        }

        if (FastEligibility.Check(entry.Plan, prepared.Touched) is { } reason)
        {
            return (null, reason);
        }

        var plan = entry.Plan;
        FileTree.Copy(entry.GeneratedFolder, prepared.Repo, followLinks: false);
        FileTree.Copy(entry.OutputFolder, Path.Combine(prepared.Repo, plan.TestOutputDir), followLinks: false);
        var tripwire = await TestRunner.PlantTripwireAsync(task, prepared.Repo, cancellationToken);
        FastBuild build;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(FastCompileLimit);
            try
            {
                build = FastCompiler.Compile(plan, new PlanPaths(prepared.Repo, environment.PackagesDir, environment.SdkDir), limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, $"the in-memory compile took longer than {FastCompileLimit.TotalSeconds:0} s");
            }
        }

        if (!build.Succeeded)
        {
            return (null, $"the in-memory compile failed, so the full build decides: {TestRunner.Tail(build.Errors, 500)}");
        }

        var declared = TestDiscovery.TestsIn(build.TestAssembly!);
        await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
        var run = await TestRunner.RunBuiltAsync(sandbox, task, prepared.Repo, plan.TestOutputDir, plan.TestProject!.AssemblyName, declared, tripwire, scratch, cancellationToken);
        return (run with { Seconds = run.Seconds + build.Seconds }, null);
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

/// <summary>Which path a grading should take: the full one always, or the fast one where it is faithful.</summary>
public enum GradingPath
{
    Full,
    Fast,
}

/// <summary>Whether a task's projects build (with a patch and the hidden tests), and the build's output when not.</summary>
public sealed record BuildCheck(bool Succeeded, string OutputTail);
