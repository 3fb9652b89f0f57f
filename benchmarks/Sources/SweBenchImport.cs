using System.Text.Json;
using System.Text.Json.Nodes;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Benchmarks.Sources;

/// <summary>What one instance became: a task folder, or why not.</summary>
/// <param name="InstanceId">The instance's id (or "line N" when the line had none).</param>
/// <param name="Folder">The task folder written, or null when the instance was not imported.</param>
/// <param name="Reason">Why it was not imported.</param>
/// <param name="Notes">What the import changed or guessed (renamed tests, a prepared test project).</param>
public sealed record ImportedInstance(string InstanceId, string? Folder, string? Reason, IReadOnlyList<string> Notes);

/// <summary>How the import treats one repository (the config file's `repos` entry, keyed "owner/name").</summary>
public sealed record RepoImportConfig
{
    /// <summary>The test project, relative to the repository root; else the one holding the files the test patch touches.</summary>
    public string? TestProject { get; init; }

    public int TimeoutSeconds { get; init; } = 600;

    public string Split { get; init; } = "train";

    /// <summary>The .NET SDK the repository builds with (global.json's sdk.version); rolled forward when it is not installed here.</summary>
    public string? Sdk { get; init; }

    /// <summary>Tests no grade runs (they need the network, a service): patterns over "Namespace.Class.Method", `*` any run of characters; the task's exclude_tests.</summary>
    public IReadOnlyList<string> ExcludeTests { get; init; } = [];
}

/// <summary>
/// `dgm bench import`: SWE-bench-format instances (JSONL: instance_id, repo, base_commit, patch, test_patch,
/// problem_statement, FAIL_TO_PASS, PASS_TO_PASS; the lists as arrays or as JSON-encoded strings, as SWE-bench
/// stores them) turned into task folders from local git mirrors (no network): repo/ at base_commit, hidden/ the
/// files test_patch writes, gold.patch, problem.md, task.json with the repository's test command and the test
/// names as the TRX reports them (stripped of argument lists, completed when stored truncated or without their
/// namespace, when exactly one declared test matches). An instance that cannot be imported (no mirror, a missing
/// commit, a patch that does not apply, a test name no test declares, a malformed line) is listed with its
/// reason; the others import.
/// </summary>
public static class SweBenchImport
{
    private static readonly string[] TestAttributes = ["TestMethod", "DataTestMethod", "Fact", "Theory", "Test", "TestCase"];

    public static async Task<IReadOnlyList<ImportedInstance>> ImportAsync(string instancesFile, string mirrors, string output, IReadOnlyDictionary<string, RepoImportConfig> configs, Action<ImportedInstance>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var results = new List<ImportedInstance>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(instancesFile, cancellationToken))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            ImportedInstance result;
            try
            {
                result = await ImportOneAsync(JsonNode.Parse(line) as JsonObject ?? throw new ImportException("the line is not a JSON object"), mirrors, output, configs, cancellationToken);
            }
            catch (JsonException e)
            {
                result = new ImportedInstance($"line {number}", null, $"line {number} is not valid JSON: {e.Message}", []);
            }
            catch (ImportException e)
            {
                result = new ImportedInstance(e.InstanceId ?? $"line {number}", null, e.Message, []);
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }

    private static async Task<ImportedInstance> ImportOneAsync(JsonObject instance, string mirrors, string output, IReadOnlyDictionary<string, RepoImportConfig> configs, CancellationToken cancellationToken)
    {
        var id = Text(instance, "instance_id", null);
        string Field(string name) => Text(instance, name, id);
        var repoName = Field("repo");
        var baseCommit = Field("base_commit");
        var patch = Field("patch");
        var testPatch = Field("test_patch");
        var problem = Field("problem_statement");
        var failToPass = Names(instance, "FAIL_TO_PASS", id);
        var passToPass = Names(instance, "PASS_TO_PASS", id);
        if (failToPass.Count == 0)
        {
            throw new ImportException(id, "FAIL_TO_PASS is empty: the instance has no test that shows the fix");
        }

        var folderName = string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var config = configs.GetValueOrDefault(repoName) ?? new RepoImportConfig();
        var mirror = Mirror(mirrors, repoName) ?? throw new ImportException(id, $"no local mirror of {repoName} under {mirrors} (looked for {string.Join(", ", MirrorNames(repoName))})");
        var scratch = Directory.CreateTempSubdirectory("dgm-import-").FullName;
        try
        {
            var work = Path.Combine(scratch, "work");
            await GitAsync(scratch, id, cancellationToken, "clone", "--quiet", "--no-checkout", mirror, work);
            if (!(await HostProcess.RunAsync("git", ["cat-file", "-e", baseCommit + "^{commit}"], work, cancellationToken)).Succeeded)
            {
                throw new ImportException(id, $"base_commit {baseCommit} is not in the mirror {mirror} (fetch it there first)");
            }

            await GitAsync(work, id, cancellationToken, "checkout", "--quiet", "--detach", baseCommit);
            await ApplyAsync(work, patch, id, "patch (the gold fix)", cancellationToken);
            await ResetAsync(work, id, cancellationToken);

            // The task's repository: the base commit, without its git history. Written in the scratch folder and moved
            // into the suite when complete, so an instance that fails half-way leaves nothing behind.
            var task = Path.Combine(scratch, "task");

            var repo = Path.Combine(task, "repo");
            FileTree.Copy(work, repo, followLinks: false);
            Directory.Delete(Path.Combine(repo, ".git"), recursive: true);

            // Hidden tests: every file the test patch leaves, as it leaves it.
            await ApplyAsync(work, testPatch, id, "test_patch", cancellationToken);
            var touched = PatchApplier.PathsOf(testPatch).Distinct(StringComparer.Ordinal).ToList();
            if (touched.FirstOrDefault(p => !File.Exists(Path.Combine(work, p))) is { } deleted)
            {
                throw new ImportException(id, $"test_patch deletes {deleted}: a task's hidden tests can add and change files, not remove them");
            }

            foreach (var path in touched)
            {
                var target = Path.Combine(task, "hidden", path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(work, path), target);
            }

            var notes = new List<string>();
            if (config.Sdk is { Length: > 0 } sdk)
            {
                notes.Add(TestProjectSetup.PinSdk(repo, sdk));
            }

            var testProject = config.TestProject ?? TestProjectOf(work, touched) ?? throw new ImportException(id, $"no test project holds the files test_patch touches ({string.Join(", ", touched.Take(3))}); name it in the config's repos.{repoName}.test_project");
            if (!File.Exists(Path.Combine(repo, testProject)))
            {
                throw new ImportException(id, $"the test project {testProject} is not in {repoName} at {baseCommit[..Math.Min(12, baseCommit.Length)]}");
            }

            var declared = DeclaredTests(Path.Combine(work, Path.GetDirectoryName(testProject) ?? ""));
            var f2p = Normalise(failToPass, declared, id, "FAIL_TO_PASS", notes);
            var p2p = Normalise(passToPass, declared, id, "PASS_TO_PASS", notes);
            if (f2p.Where(t => TestExclusions.Matches(config.ExcludeTests, t)).ToList() is { Count: > 0 } excludedF2p)
            {
                throw new ImportException(id, $"the config's exclude_tests leaves out FAIL_TO_PASS tests: {string.Join(", ", excludedF2p.Take(5))} (a grade needs every one)");
            }

            if (p2p.Where(t => TestExclusions.Matches(config.ExcludeTests, t)).ToList() is { Count: > 0 } excludedP2p)
            {
                notes.Add($"PASS_TO_PASS: {excludedP2p.Count} test(s) left out by exclude_tests ({string.Join(", ", excludedP2p.Take(3))})");
                p2p.RemoveAll(excludedP2p.Contains);
            }
            notes.AddRange(TestProjectSetup.Prepare(repo, testProject));
            if (touched.Contains(testProject.Replace('\\', '/'), StringComparer.Ordinal))
            {
                // The test patch changes the project file: the hidden copy is the one the grade builds.
                notes.AddRange(TestProjectSetup.Prepare(Path.Combine(task, "hidden"), testProject).Where(n => !n.StartsWith("global.json", StringComparison.Ordinal)));
                File.Delete(Path.Combine(task, "hidden", "global.json"));
            }

            await File.WriteAllTextAsync(Path.Combine(task, "gold.patch"), patch.EndsWith('\n') ? patch : patch + "\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(task, "problem.md"), problem.TrimEnd() + "\n", cancellationToken);
            var spec = new JsonObject
            {
                ["instance_id"] = id,
                ["problem_statement"] = "problem.md",
                ["test_command"] = new JsonArray("dotnet", "test", "--project", testProject.Replace('\\', '/')),
                ["timeout_seconds"] = config.TimeoutSeconds,
                ["FAIL_TO_PASS"] = new JsonArray([.. f2p.Select(n => (JsonNode)n)]),
                ["PASS_TO_PASS"] = new JsonArray([.. p2p.Select(n => (JsonNode)n)]),
                ["tags"] = new JsonObject
                {
                    ["bug_class"] = "imported",
                    ["difficulty"] = "unknown",
                    ["split"] = config.Split,
                    ["files_to_fix"] = PatchApplier.PathsOf(patch).Distinct(StringComparer.Ordinal).Count(),
                    ["visible_repro"] = false,
                    ["source"] = $"{repoName}@{baseCommit}",
                },
            };
            if (config.ExcludeTests.Count > 0)
            {
                spec["exclude_tests"] = new JsonArray([.. config.ExcludeTests.Select(p => (JsonNode)p)]);
            }

            // SWE-bench's optional environment fields, kept with the task (its packages restore from the base commit's projects).
            foreach (var optional in new[] { "version", "environment_setup_commit" })
            {
                if (instance[optional] is JsonValue value && value.ToString() is { Length: > 0 } text)
                {
                    spec["tags"]![optional] = text;
                }
            }

            await File.WriteAllTextAsync(Path.Combine(task, "task.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken);
            var final = Path.Combine(output, folderName);
            if (Directory.Exists(final))
            {
                Directory.Delete(final, recursive: true);
            }

            FileTree.Copy(task, final, followLinks: false);
            return new ImportedInstance(id, final, null, notes);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Each name as the TRX reports it ("Namespace.Class.Method"), or the instance fails naming the ones no declared test matches.</summary>
    private static List<string> Normalise(IReadOnlyList<string> names, HashSet<string> declared, string id, string field, List<string> notes)
    {
        var result = new List<string>();
        var unknown = new List<string>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.IndexOf('(') is > 0 and var open)
            {
                name = name[..open].TrimEnd(); // a data row's or theory's display name: the method is the test
            }

            var match = declared.Contains(name) ? name
                : declared.Where(d => d.EndsWith("." + name, StringComparison.Ordinal) || name.EndsWith("." + d, StringComparison.Ordinal) || (d.StartsWith(name, StringComparison.Ordinal) && name.Contains('.', StringComparison.Ordinal))).ToList() is [var only] ? only
                : null;
            if (match is null)
            {
                unknown.Add(raw);
                continue;
            }

            if (match != raw)
            {
                notes.Add($"{field}: {raw} -> {match}");
            }

            if (!result.Contains(match, StringComparer.Ordinal))
            {
                result.Add(match);
            }
        }

        return unknown.Count == 0 ? result
            : throw new ImportException(id, $"{field} names tests the test project does not declare: {string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? $" and {unknown.Count - 5} more" : "")}");
    }

    /// <summary>The tests the project's sources declare, as "Namespace.Class.Method" (nested classes joined by '+', as the TRX names them).</summary>
    internal static HashSet<string> DeclaredTests(string projectDir)
    {
        var tests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(projectDir, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj")))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => TestAttributes.Contains(a.Name.ToString().Split('.')[^1].Replace("Attribute", "", StringComparison.Ordinal)))))
            {
                tests.Add(TestName(method));
            }
        }

        return tests;
    }

    /// <summary>A test method's name as the TRX reports it: "Namespace.Class.Method", nested classes joined by '+'.</summary>
    internal static string TestName(MethodDeclarationSyntax method)
    {
        var types = method.Ancestors().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.ValueText);
        var space = string.Join('.', method.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));
        return $"{(space.Length > 0 ? space + "." : "")}{string.Join('+', types)}.{method.Identifier.ValueText}";
    }

    /// <summary>The nearest project above the touched test sources (the first .csproj found walking up from each).</summary>
    private static string? TestProjectOf(string repo, IReadOnlyList<string> touched)
    {
        foreach (var path in touched.Where(p => p.EndsWith(".cs", StringComparison.Ordinal)))
        {
            for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (Directory.Exists(Path.Combine(repo, dir)) && Directory.EnumerateFiles(Path.Combine(repo, dir), "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault() is { } project)
                {
                    return Path.GetRelativePath(repo, project).Replace('\\', '/');
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> MirrorNames(string repo)
    {
        var parts = repo.Split('/');
        string[] names = [string.Join("__", parts), repo, parts[^1]];
        return names.SelectMany(n => new[] { n, n + ".git" }).Distinct(StringComparer.Ordinal);
    }

    private static string? Mirror(string mirrors, string repo) =>
        MirrorNames(repo).Select(n => Path.Combine(mirrors, n)).FirstOrDefault(Directory.Exists);

    private static async Task ApplyAsync(string work, string patch, string id, string what, CancellationToken cancellationToken)
    {
        if (PatchApplier.Reject(patch) is { } reason)
        {
            throw new ImportException(id, $"{what}: {reason}");
        }

        var file = Path.Combine(Path.GetTempPath(), $"dgm-import-{Guid.NewGuid():N}.patch");
        await File.WriteAllTextAsync(file, patch.EndsWith('\n') ? patch : patch + "\n", cancellationToken);
        try
        {
            var applied = await HostProcess.RunAsync("git", ["apply", "--whitespace=nowarn", file], work, cancellationToken, timeout: TimeSpan.FromSeconds(60));
            if (!applied.Succeeded)
            {
                throw new ImportException(id, $"{what} does not apply at base_commit: {applied.Stderr.Trim().Split('\n')[0]}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task ResetAsync(string work, string id, CancellationToken cancellationToken)
    {
        await GitAsync(work, id, cancellationToken, "checkout", "--quiet", "--", ".");
        await GitAsync(work, id, cancellationToken, "clean", "-fdxq");
    }

    private static async Task GitAsync(string directory, string id, CancellationToken cancellationToken, params string[] args)
    {
        var result = await HostProcess.RunAsync("git", args, directory, cancellationToken, timeout: TimeSpan.FromMinutes(5));
        if (!result.Succeeded)
        {
            throw new ImportException(id, $"git {args[0]} failed: {result.Stderr.Trim().Split('\n')[0]}");
        }
    }

    private static string Text(JsonObject instance, string name, string? id) =>
        instance[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text
            : throw new ImportException(id, $"the instance has no {name} (a non-empty string)");

    /// <summary>A list of test names: a JSON array, or a string holding one (SWE-bench's own files).</summary>
    private static List<string> Names(JsonObject instance, string name, string id)
    {
        var node = instance[name];
        if (node is JsonValue value && value.TryGetValue<string>(out var encoded))
        {
            try
            {
                node = JsonNode.Parse(encoded);
            }
            catch (JsonException)
            {
                throw new ImportException(id, $"{name} is a string but not a JSON list of test names");
            }
        }

        return node is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<string>(out _))
            ? [.. array.Select(n => n!.GetValue<string>())]
            : throw new ImportException(id, $"{name} is missing or not a list of test names");
    }

    private sealed class ImportException(string? instanceId, string message) : Exception(message)
    {
        public ImportException(string message) : this(null, message)
        {
        }

        public string? InstanceId => instanceId;
    }
}
