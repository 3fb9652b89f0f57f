using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>What running a prepared repository's tests in a sandbox produced.</summary>
/// <param name="Checked">The cross-checked results (empty when the build failed or the run timed out).</param>
/// <param name="TimedOut">The build or the tests hit the task's time limit.</param>
/// <param name="BuildFailed">The build failed: no test ran.</param>
/// <param name="Seconds">Build and test time.</param>
/// <param name="OutputTail">The end of the failing step's output, or of the test run's.</param>
public sealed record TestRunOutcome(CheckedResults Checked, bool TimedOut, bool BuildFailed, double Seconds, string OutputTail);

/// <summary>
/// Runs a task's hidden tests on a prepared repository, in one fresh sandbox, in two steps: build (no code of
/// the patch runs: every MSBuild file is the task's), then copy the test assembly out and read the tests it
/// declares from its metadata, then run the tests without building, with a tripwire compiled in, into a fresh
/// results folder, and collect the exact TRX, the exit code and the console output for <see cref="ResultCheck"/>.
/// </summary>
internal static partial class TestRunner
{
    private const int OutputCap = 64 * 1024;

    public static async Task<TestRunOutcome> RunAsync(ISandbox sandbox, BenchTask task, string repo, string scratch, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(task.Spec.TimeoutSeconds);
        var project = TestProject(task.Spec.TestCommand);
        var tripwire = await PlantTripwireAsync(task, repo, cancellationToken);
        var projectFile = Path.Combine(repo, project);
        await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);

        var build = await sandbox.RunAsync(
            new CommandRequest(Join(["dotnet", "build", project]), deadline) { OutputCapBytes = OutputCap },
            cancellationToken);
        var buildOutput = build.Stdout + "\n" + build.Stderr;
        if (build.TimedOut || build.ExitCode != 0)
        {
            return new TestRunOutcome(CheckedResults.Failed("no test ran: the build failed (see output_tail)"), build.TimedOut, !build.TimedOut, clock.Elapsed.TotalSeconds, Tail(buildOutput, 4000));
        }

        var declared = await DeclaredTestsAsync(sandbox, buildOutput, AssemblyName(projectFile), scratch, cancellationToken);
        if (declared is null)
        {
            return new TestRunOutcome(CheckedResults.Failed("grading failed: the build did not say where it wrote the test assembly"), false, true, clock.Elapsed.TotalSeconds, Tail(buildOutput, 4000));
        }

        return await TestAsync(sandbox, [.. task.Spec.TestCommand, "--no-build"], null, deadline, Expected(task, projectFile, declared, tripwire), tripwire, scratch, clock, cancellationToken);
    }

    /// <summary>
    /// Runs an already built test application (the fast path compiled it, with the tripwire, into
    /// <paramref name="outputDir"/>): the same results folder, TRX and cross-check as <see cref="RunAsync"/>,
    /// the application started directly in its output folder as `dotnet test` starts it.
    /// </summary>
    public static async Task<TestRunOutcome> RunBuiltAsync(ISandbox sandbox, BenchTask task, string repo, string outputDir, string assemblyName, IReadOnlySet<string> declared, Tripwire tripwire, string scratch, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);
        var folder = $"{sandbox.WorkDir}/{outputDir}";
        var expected = Expected(task, Path.Combine(repo, TestProject(task.Spec.TestCommand)), declared, tripwire);
        return await TestAsync(sandbox, ["dotnet", "exec", $"{assemblyName}.dll"], folder, TimeSpan.FromSeconds(task.Spec.TimeoutSeconds), expected, tripwire, scratch, clock, cancellationToken);
    }

    /// <summary>Writes the tripwire tests into the task's test project folder.</summary>
    public static async Task<Tripwire> PlantTripwireAsync(BenchTask task, string repo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var tripwire = Tripwire.Create();
        var projectFile = Path.Combine(repo, TestProject(task.Spec.TestCommand));
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(projectFile)!, tripwire.FileName), tripwire.Source(await File.ReadAllTextAsync(projectFile, cancellationToken)), cancellationToken);
        return tripwire;
    }

    /// <summary>What a run must report: the declared tests, less those the task excludes (never the tripwire), and the runner's options that leave those out.</summary>
    private static Expectation Expected(BenchTask task, string projectFile, IReadOnlySet<string> declared, Tripwire tripwire)
    {
        var excluded = TestExclusions.Excluded(task.Spec.ExcludeTests, declared, [tripwire.MustFail, tripwire.MustPass]);
        return new Expectation(declared, excluded, excluded.Count == 0 ? [] : TestExclusions.RunnerArguments(excluded, UsesXunit(projectFile)));
    }

    /// <summary>Whether the test project references xUnit v3 (its runner has its own filter options).</summary>
    private static bool UsesXunit(string projectFile)
    {
        try
        {
            return XDocument.Load(projectFile).Descendants().Any(e => e.Name.LocalName == "PackageReference" && ((string?)e.Attribute("Include") ?? "").StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException)
        {
            return false;
        }
    }

    private static async Task<TestRunOutcome> TestAsync(ISandbox sandbox, IReadOnlyList<string> command, string? workingDirectory, TimeSpan deadline, Expectation expected, Tripwire tripwire, string scratch, Stopwatch clock, CancellationToken cancellationToken)
    {
        var declared = expected.Declared;
        if (!declared.Contains(tripwire.MustFail) || !declared.Contains(tripwire.MustPass))
        {
            return new TestRunOutcome(CheckedResults.Failed("grading failed: the tripwire tests were not compiled into the test assembly (does the test project compile every .cs file in its folder?)"), false, false, clock.Elapsed.TotalSeconds, "");
        }

        // A fresh, unguessable results folder and file name: a patch cannot plant a TRX there in advance.
        var results = $"{sandbox.WorkDir}/.dgm-results-{Guid.NewGuid():N}";
        var trxName = $"{Guid.NewGuid():N}.trx";
        var left = deadline - clock.Elapsed;
        var test = await sandbox.RunAsync(
            new CommandRequest(Join([.. command, .. expected.RunnerArguments, "--report-trx", "--report-trx-filename", trxName, "--results-directory", results]), left > TimeSpan.FromSeconds(10) ? left : TimeSpan.FromSeconds(10))
            {
                OutputCapBytes = OutputCap,
                WorkingDirectory = workingDirectory,
            },
            cancellationToken);
        var output = test.Stdout + "\n" + test.Stderr;
        if (test.TimedOut)
        {
            return new TestRunOutcome(CheckedResults.Failed("timeout"), true, false, clock.Elapsed.TotalSeconds, Tail(output, 4000));
        }

        var (trx, others) = await CollectAsync(sandbox, results, trxName, Path.Combine(scratch, "results"), cancellationToken);
        var evidence = new TestEvidence(test.ExitCode, trx, others, declared, test.Stdout, tripwire) { Excluded = expected.Excluded };
        return new TestRunOutcome(ResultCheck.Check(evidence), false, false, clock.Elapsed.TotalSeconds, Tail(output, 4000));
    }

    /// <summary>The test project the task's command names (`--project P` or a project argument).</summary>
    public static string TestProject(IReadOnlyList<string> testCommand)
    {
        ArgumentNullException.ThrowIfNull(testCommand);
        return testCommand.SkipWhile(a => a != "--project").Skip(1).FirstOrDefault()
            ?? testCommand.FirstOrDefault(a => a.EndsWith(".csproj", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the task's test_command names no test project (`dotnet test --project tests/X/X.csproj`)");
    }

    /// <summary>A project's assembly name: its AssemblyName property, else its file name.</summary>
    internal static string AssemblyName(string projectFile)
    {
        try
        {
            return XDocument.Load(projectFile).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim() is { Length: > 0 } name
                ? name
                : Path.GetFileNameWithoutExtension(projectFile);
        }
        catch (System.Xml.XmlException)
        {
            return Path.GetFileNameWithoutExtension(projectFile);
        }
    }

    /// <summary>The tests the built assembly declares. MSBuild prints "  Name -> /work/.../Name.dll"; the build ran no code of the patch, so its output is the task's.</summary>
    private static async Task<IReadOnlySet<string>?> DeclaredTestsAsync(ISandbox sandbox, string buildOutput, string assemblyName, string scratch, CancellationToken cancellationToken)
    {
        var path = OutputLine().Matches(buildOutput)
            .Where(m => m.Groups[1].Value == assemblyName && m.Groups[2].Value.StartsWith(sandbox.WorkDir + "/", StringComparison.Ordinal))
            .Select(m => m.Groups[2].Value)
            .LastOrDefault();
        if (path is null)
        {
            return null;
        }

        var local = Path.Combine(scratch, "assembly", Path.GetFileName(path));
        await sandbox.CopyOutAsync(path, local, cancellationToken);
        return TestDiscovery.TestsIn(local);
    }

    /// <summary>Exactly the expected TRX (null when absent) and the names of any other TRX files in the results folder.</summary>
    private static async Task<(string? Trx, IReadOnlyList<string> Others)> CollectAsync(ISandbox sandbox, string results, string trxName, string local, CancellationToken cancellationToken)
    {
        var listing = await sandbox.RunAsync(new CommandRequest($"test -d {Shell.Quote(results)}", TimeSpan.FromSeconds(30)), cancellationToken);
        if (listing.ExitCode != 0)
        {
            return (null, []);
        }

        await sandbox.CopyOutAsync(results, local, cancellationToken);
        var expected = Path.Combine(local, trxName);
        var others = Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories)
            .Where(f => f != expected && f.EndsWith(".trx", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(local, f))
            .ToList();
        var info = new FileInfo(expected);
        var trx = info.Exists && info.LinkTarget is null ? await File.ReadAllTextAsync(expected, cancellationToken) : null;
        return (trx, others);
    }

    private sealed record Expectation(IReadOnlySet<string> Declared, IReadOnlySet<string> Excluded, IReadOnlyList<string> RunnerArguments);

    private static string Join(IEnumerable<string> args) => string.Join(' ', args.Select(Shell.Quote));

    internal static string Tail(string text, int max) => text.Length <= max ? text : text[^max..];

    [GeneratedRegex(@"^\s+(\S+) -> (/\S+\.dll)\s*$", RegexOptions.Multiline)]
    private static partial Regex OutputLine();
}
