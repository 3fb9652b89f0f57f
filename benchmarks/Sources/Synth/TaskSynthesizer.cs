using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Perf;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Benchmarks.Sources.Synth;

/// <summary>What `dgm bench synth` is asked for.</summary>
public sealed record SynthOptions
{
    /// <summary>Draws which sites are tried, which tasks show a failing test, and the split: the same repository, seed and options give the same tasks.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>At most this many tasks (single bugs first, then two-site combinations of them).</summary>
    public int MaxTasks { get; init; } = 50;

    /// <summary>At most this many single mutations are screened.</summary>
    public int MaxCandidates { get; init; } = 400;

    /// <summary>The library projects to mutate (paths relative to the repository); empty: every project that is not a test project.</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>The test project (relative path); null: the repository's only one.</summary>
    public string? TestProject { get; init; }

    /// <summary>Tests no grade runs (they need the network, a service): patterns over "Namespace.Class.Method"; the tasks' exclude_tests.</summary>
    public IReadOnlyList<string> ExcludeTests { get; init; } = [];

    /// <summary>The instance ids' prefix ("PREFIX__file-family-NNN").</summary>
    public string Prefix { get; init; } = "synth";

    /// <summary>A bug that fails more than this share of the tests is "everything failing": not a task.</summary>
    public double FailingCap { get; init; } = 0.6;

    /// <summary>Share of tasks whose visible tests include a failing one.</summary>
    public double VisibleFailingShare { get; init; } = 2.0 / 3;

    /// <summary>Share of source files whose tasks are holdout (the split is by file: train and holdout never share a function).</summary>
    public double HoldoutShare { get; init; } = 0.3;

    /// <summary>Gradings at once while screening.</summary>
    public int Workers { get; init; } = 2;

    public int TimeoutSeconds { get; init; } = 180;
}

/// <summary>What a synthesis wrote, and what it screened.</summary>
public sealed record SynthResult(IReadOnlyList<string> Tasks, int Sites, int Screened, int DidNotCompile, IReadOnlyDictionary<string, int> Rejected);

/// <summary>
/// `dgm bench synth`, SWE-smith for C#: bugs injected into a repository whose tests pass (<see cref="Mutations"/>),
/// each kept only when the repository still builds, at least one test that passed fails and at least one still
/// passes, and not nearly everything fails; kept bugs, and two-site combinations of them, become task folders.
/// The clean repository must pass its tests twice first. Each candidate is compiled in memory from the
/// repository's captured build (a non-compiling one costs no sandbox), then graded by the harness's fast path
/// in a fresh sandbox: the same grading every task gets. `bench validate` confirms the written tasks.
/// </summary>
public sealed class TaskSynthesizer(Grader grader)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Synthesizes tasks from <paramref name="repository"/> into <paramref name="output"/>, reporting each stage to <paramref name="progress"/>.</summary>
    /// <param name="repository">A folder holding the repository (its tests must pass).</param>
    /// <param name="output">The suite folder; task folders of the same ids are replaced, others kept.</param>
    /// <param name="options">What to make.</param>
    /// <param name="progress">A line per stage and per screened batch.</param>
    /// <param name="cancellationToken">Stops the synthesis.</param>
    /// <param name="prepare">Run on the probe task before anything is graded (the caller restores its packages for the sandboxes).</param>
    public async Task<SynthResult> RunAsync(string repository, string output, SynthOptions options, Action<string>? progress, CancellationToken cancellationToken, Func<BenchTask, Task>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scratch = Directory.CreateTempSubdirectory("dgm-synth-").FullName;
        try
        {
            // The repository as a task would hold it: no build output or history, its test project made gradeable.
            var clean = Path.Combine(scratch, "probe", "repo");
            CopySource(repository, clean);
            var testProject = options.TestProject ?? OnlyTestProject(clean);
            foreach (var change in TestProjectSetup.Prepare(clean, testProject))
            {
                progress?.Invoke($"prepared: {change}");
            }

            var testDir = Path.GetDirectoryName(Path.Combine(clean, testProject))!;
            var declared = SweBenchImport.DeclaredTests(testDir).Where(t => !TestExclusions.Matches(options.ExcludeTests, t)).Order(StringComparer.Ordinal).ToList();
            if (declared.Count < 2)
            {
                throw new InvalidOperationException($"{testProject} declares {declared.Count} test(s){(options.ExcludeTests.Count > 0 ? " not excluded" : "")}: a task needs one that fails and one that passes");
            }

            var probe = WriteProbe(Path.Combine(scratch, "probe"), testProject, declared, options);
            if (prepare is not null)
            {
                await prepare(probe);
            }

            await BaselineAsync(probe, progress, cancellationToken);

            var files = LibraryFiles(clean, testProject, options.Projects);
            var sites = files.SelectMany(f => Mutations.Find(f, File.ReadAllText(Path.Combine(clean, f)))).ToList();
            var random = new Random(options.Seed);
            var candidates = sites.OrderBy(_ => random.Next()).Take(options.MaxCandidates).ToList();
            progress?.Invoke($"{sites.Count} mutation sites in {files.Count} library files; screening {candidates.Count}");

            // Single bugs fill three quarters of the tasks; two-site combinations of them the rest.
            var singles = options.MaxTasks - (options.MaxTasks / 4);
            var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
            var screened = 0;
            var kept = new List<Bug>();
            foreach (var batch in candidates.Chunk(Math.Max(1, options.Workers)))
            {
                if (kept.Count >= singles)
                {
                    break;
                }

                var outcomes = await Task.WhenAll(batch.Select(m => ScreenAsync(probe, clean, [m], declared.Count, options, cancellationToken)));
                foreach (var (bug, why) in outcomes)
                {
                    screened++;
                    if (bug is not null && kept.Count < singles)
                    {
                        kept.Add(bug);
                    }
                    else if (why is not null)
                    {
                        rejected[why] = rejected.GetValueOrDefault(why) + 1;
                    }
                }

                progress?.Invoke($"screened {screened}/{candidates.Count}: {kept.Count} kept");
            }

            // Two-site bugs: valid single bugs of two different members, combined.
            var pairs = kept.SelectMany((a, i) => kept.Skip(i + 1).Where(b => b.Mutations[0].Member != a.Mutations[0].Member).Select(b => (a, b)))
                .OrderBy(_ => random.Next())
                .ToList();
            var wanted = options.MaxTasks - kept.Count;
            foreach (var (a, b) in pairs.Take(wanted * 2))
            {
                if (kept.Count(k => k.Mutations.Count == 2) >= wanted)
                {
                    break;
                }

                var (bug, why) = await ScreenAsync(probe, clean, [a.Mutations[0], b.Mutations[0]], declared.Count, options, cancellationToken);
                screened++;
                if (bug is not null)
                {
                    kept.Add(bug);
                }
                else if (why is not null)
                {
                    rejected[why] = rejected.GetValueOrDefault(why) + 1;
                }
            }

            progress?.Invoke($"{kept.Count} bugs kept ({kept.Count(k => k.Mutations.Count == 2)} two-site); writing tasks");
            Directory.CreateDirectory(output);
            var written = new List<string>();
            var counters = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var bug in kept)
            {
                var stem = Slug(Path.GetFileNameWithoutExtension(bug.Mutations[0].File));
                var family = bug.Mutations.Count == 1 ? bug.Mutations[0].Family : "two-site";
                var key = $"{stem}-{family}";
                counters[key] = counters.GetValueOrDefault(key) + 1;
                var id = $"{options.Prefix}__{key}-{counters[key]:D3}";
                written.Add(WriteTask(Path.Combine(output, id), id, bug, clean, testProject, options));
            }

            return new SynthResult(written, sites.Count, screened, rejected.GetValueOrDefault("does not compile"), rejected);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    /// <summary>A bug the screening kept: its mutations, the tests it fails (with what they said) and those it leaves passing.</summary>
    private sealed record Bug(IReadOnlyList<Mutation> Mutations, IReadOnlyList<string> Failing, IReadOnlyList<string> Passing, IReadOnlyDictionary<string, string> Messages);

    private async Task<(Bug? Bug, string? Why)> ScreenAsync(BenchTask probe, string clean, IReadOnlyList<Mutation> mutations, int testCount, SynthOptions options, CancellationToken cancellationToken)
    {
        var patch = Patch(clean, mutations, forward: true);
        if (patch is null)
        {
            return (null, "does not parse");
        }

        if (await grader.FastCompileErrorsAsync(probe, patch, cancellationToken) is not null)
        {
            return (null, "does not compile");
        }

        var report = await grader.GradeAsync(probe, patch, cancellationToken, path: GradingPath.Fast);
        if (report.Status != GradeStatus.Unresolved)
        {
            return (null, report.Status switch
            {
                GradeStatus.Resolved => "no test fails (an equivalent mutant or an untested site)",
                GradeStatus.Timeout => "the tests time out",
                _ => $"graded {report.Status.ToString().ToLowerInvariant()}",
            });
        }

        var failing = report.Tests.Where(t => t.Value != TestStatus.Passed).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        var passing = report.Tests.Where(t => t.Value == TestStatus.Passed).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        return Rejection(report, testCount, options.FailingCap) is { } why ? (null, why) : (new Bug(mutations, failing, passing, report.Failures), null);
    }

    /// <summary>Why a mutant graded unresolved still makes no task (null: it makes one).</summary>
    public static string? Rejection(TaskReport report, int testCount, double failingCap)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failing = report.Tests.Count(t => t.Value != TestStatus.Passed);
        return report.Tests.Values.Any(s => s is TestStatus.Missing or TestStatus.TimedOut) ? "a test is missing or timed out"
            : failing == report.Tests.Count ? "every test fails"
            : failing > Math.Max(1, failingCap * testCount) ? "nearly every test fails"
            // How a test that exhausts memory or the stack ends depends on the machine's limits (an exception here,
            // the test process killed there): the empty patch's verdict would not be stable.
            : report.Failures.Values.Any(m => ExhaustionMarkers.Any(x => m.Contains(x, StringComparison.Ordinal))) ? "a test runs out of memory or stack"
            : null;
    }

    private static readonly string[] ExhaustionMarkers = ["OutOfMemoryException", "InsufficientExecutionStackException", "StackOverflow"];

    /// <summary>The diff that applies the mutations (forward) or undoes them (the gold patch), per file; null when a mutated file does not parse.</summary>
    private static string? Patch(string clean, IReadOnlyList<Mutation> mutations, bool forward)
    {
        var patch = new StringBuilder();
        foreach (var group in mutations.GroupBy(m => m.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var original = File.ReadAllText(Path.Combine(clean, group.Key));
            var mutated = group.OrderByDescending(m => m.Start).Aggregate(original, (text, m) => m.Apply(text));
            if (CSharpSyntaxTree.ParseText(mutated).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return null;
            }

            patch.Append(forward ? UnifiedDiff.Of(group.Key, original, mutated) : UnifiedDiff.Of(group.Key, mutated, original));
        }

        return patch.ToString();
    }

    private async Task BaselineAsync(BenchTask probe, Action<string>? progress, CancellationToken cancellationToken)
    {
        for (var run = 1; run <= 2; run++)
        {
            var report = await grader.GradeAsync(probe, "", cancellationToken, runEmpty: true, path: GradingPath.Fast);
            if (report.Status != GradeStatus.EmptyPatch)
            {
                var failing = report.Tests.Where(t => t.Value != TestStatus.Passed).Select(t => $"{t.Key} ({t.Value.ToString().ToLowerInvariant()})").Take(5);
                throw new InvalidOperationException($"the clean repository must pass its tests twice; run {run}: {report.Status.ToString().ToLowerInvariant()}"
                    + (report.Error is { } error ? $": {error}" : "") + (failing.Any() ? $"; not passing: {string.Join(", ", failing)}" : "") + $"\n{TestRunner.Tail(report.OutputTail, 1500)}");
            }

            progress?.Invoke($"the clean repository passes its {report.Tests.Count} tests (run {run} of 2)");
        }
    }

    private static string WriteTask(string folder, string id, Bug bug, string clean, string testProject, SynthOptions options)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var repo = Path.Combine(folder, "repo");
        FileTree.Copy(clean, repo, followLinks: false);
        foreach (var group in bug.Mutations.GroupBy(m => m.File))
        {
            var path = Path.Combine(repo, group.Key);
            File.WriteAllText(path, group.OrderByDescending(m => m.Start).Aggregate(File.ReadAllText(path), (text, m) => m.Apply(text)));
        }

        // Hidden: every test file as it is; visible: the failing tests left out, but one for about two thirds of the tasks.
        var testDir = Path.GetDirectoryName(testProject) ?? "";
        var showsFailure = Fraction(options.Seed, "visible:" + id) < options.VisibleFailingShare;
        var hide = bug.Failing.Skip(showsFailure ? 1 : 0).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(clean, testDir), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(clean, file).Replace('\\', '/');
            if (relative.Split('/').Any(s => s is "bin" or "obj"))
            {
                continue;
            }

            var hidden = Path.Combine(folder, "hidden", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(hidden)!);
            File.Copy(file, hidden);
            if (WithoutTests(File.ReadAllText(file), hide) is { } visible)
            {
                File.WriteAllText(Path.Combine(repo, relative), visible);
            }
        }

        File.WriteAllText(Path.Combine(folder, "gold.patch"), Patch(clean, bug.Mutations, forward: false));
        File.WriteAllText(Path.Combine(folder, "problem.md"), ProblemWriter.Write(bug.Failing, bug.Messages));
        var first = bug.Mutations[0];
        var spec = new JsonObject
        {
            ["instance_id"] = id,
            ["problem_statement"] = "problem.md",
            ["test_command"] = new JsonArray("dotnet", "test", "--project", testProject),
            ["timeout_seconds"] = options.TimeoutSeconds,
            ["FAIL_TO_PASS"] = new JsonArray([.. bug.Failing.Select(n => (JsonNode)n)]),
            ["PASS_TO_PASS"] = new JsonArray([.. bug.Passing.Select(n => (JsonNode)n)]),
            ["tags"] = new JsonObject
            {
                ["bug_class"] = bug.Mutations.Count == 1 ? $"mutation:{first.Family}" : $"mutation:two-site:{string.Join('+', bug.Mutations.Select(m => m.Family))}",
                ["difficulty"] = bug.Mutations.Count > 1 ? "hard" : Mutations.ReferenceFamilies.Contains(first.Family) ? "easy" : "medium",
                ["split"] = Fraction(options.Seed, "split:" + first.File) < options.HoldoutShare ? "holdout" : "train",
                ["files_to_fix"] = bug.Mutations.Select(m => m.File).Distinct().Count(),
                ["methods_to_fix"] = bug.Mutations.Select(m => m.Member).Distinct().Count(),
                ["visible_repro"] = showsFailure,
            },
        };
        Exclusions(spec, options);
        File.WriteAllText(Path.Combine(folder, "task.json"), spec.ToJsonString(Indented) + "\n");
        return folder;
    }

    private static void Exclusions(JsonObject spec, SynthOptions options)
    {
        if (options.ExcludeTests.Count > 0)
        {
            spec["exclude_tests"] = new JsonArray([.. options.ExcludeTests.Select(p => (JsonNode)p)]);
        }
    }

    /// <summary>The file without the named test methods, or null when it holds none of them.</summary>
    private static string? WithoutTests(string text, HashSet<string> names)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var remove = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => names.Contains(SweBenchImport.TestName(m)))
            .ToList();
        return remove.Count == 0 ? null : root.RemoveNodes(remove, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
    }

    /// <summary>A number in [0, 1) fixed by the seed and the key (not by the order anything ran in).</summary>
    private static double Fraction(int seed, string key) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{key}")), 0) / (double)uint.MaxValue;

    private static BenchTask WriteProbe(string folder, string testProject, IReadOnlyList<string> tests, SynthOptions options)
    {
        var spec = new JsonObject
        {
            ["instance_id"] = "synth-probe",
            ["test_command"] = new JsonArray("dotnet", "test", "--project", testProject),
            ["timeout_seconds"] = options.TimeoutSeconds,
            ["FAIL_TO_PASS"] = new JsonArray([.. tests.Select(n => (JsonNode)n)]),
            ["PASS_TO_PASS"] = new JsonArray(),
        };
        Exclusions(spec, options);
        File.WriteAllText(Path.Combine(folder, "task.json"), spec.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "problem.md"), "probe\n");
        File.WriteAllText(Path.Combine(folder, "gold.patch"), "");
        Directory.CreateDirectory(Path.Combine(folder, "hidden"));
        return TaskLoader.Load(folder);
    }

    private static List<string> LibraryFiles(string repo, string testProject, IReadOnlyList<string> projects)
    {
        var chosen = projects.Count > 0 ? projects.Select(p => p.Replace('\\', '/')).ToList()
            : Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(repo, p).Replace('\\', '/'))
                .Where(p => p != testProject && !IsTestProject(Path.Combine(repo, p)))
                .ToList();
        var missing = chosen.FirstOrDefault(p => !File.Exists(Path.Combine(repo, p)));
        if (missing is not null)
        {
            throw new InvalidOperationException($"no project {missing} in the repository");
        }

        return [.. chosen.SelectMany(p =>
            {
                var dir = Path.GetDirectoryName(Path.Combine(repo, p))!;
                return Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !Path.GetRelativePath(dir, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj"))
                    .Select(f => Path.GetRelativePath(repo, f).Replace('\\', '/'));
            })
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static string OnlyTestProject(string repo)
    {
        var tests = Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories).Where(IsTestProject)
            .Select(p => Path.GetRelativePath(repo, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        return tests.Count == 1 ? tests[0]
            : throw new InvalidOperationException(tests.Count == 0
                ? "the repository has no test project (one referencing MSTest or xUnit)"
                : $"the repository has {tests.Count} test projects ({string.Join(", ", tests)}); choose one with --tests");
    }

    private static bool IsTestProject(string csproj)
    {
        var text = File.ReadAllText(csproj);
        return text.Contains("MSTest", StringComparison.OrdinalIgnoreCase) || text.Contains("xunit", StringComparison.OrdinalIgnoreCase)
            || XDocument.Parse(text).Descendants().Any(e => e.Name.LocalName == "IsTestProject" && e.Value.Trim() == "true");
    }

    private static void CopySource(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj" or ".git" or "TestResults"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    private static string Slug(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');

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
