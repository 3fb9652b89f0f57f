using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Dgm.Benchmarks.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dgm.Benchmarks.Control;

/// <summary>One rule a patch (or a child agent's diff) broke, and where.</summary>
public sealed record PolicyViolation(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("detail")] string Detail)
{
    /// <summary>Why the rule exists.</summary>
    [JsonPropertyName("reason")]
    public string Reason => PolicyRules.Find(Rule)?.Reason ?? "unknown rule";

    /// <summary>"rule at path:line (detail): reason", the line users read.</summary>
    public override string ToString() =>
        $"{Rule} at {Path}{(Line > 0 ? $":{Line}" : "")} ({Detail}): {Reason}";
}

/// <summary>
/// The static policy on a candidate patch, applied after its protected edits are discarded and before any of
/// it is built or run: Roslyn, with a semantic model over the library's sources, reads every changed C# file
/// (findings the original file already had are not the patch's), and every other changed file is checked by
/// kind and content. Thread-safe.
/// </summary>
public static class PatchPolicy
{
    private static readonly string[] DataExtensions = [".md", ".txt", ".json", ".xml", ".csv", ".yml", ".yaml", ".resx", ".sql", ".html", ".css"];
    private static readonly string[] MsBuildMarkers = ["<Project", "<Target", "<UsingTask", "<Import", "<Exec", "<PropertyGroup", "<ItemGroup"];
    // A task's original sources, compiled once per process: every grading of the task compares against them.
    private static readonly ConcurrentDictionary<string, Lazy<(SourceSet Sources, IReadOnlySet<string> Usage)>> Originals = new(StringComparer.Ordinal);

    /// <summary>
    /// The rules <paramref name="changes"/> break. <paramref name="original"/> is the task's repo/,
    /// <paramref name="patched"/> the patched copy (protected edits already undone); <paramref name="protectedPaths"/>
    /// the task's protection when the caller has it already.
    /// </summary>
    public static IReadOnlyList<PolicyViolation> Check(BenchTask task, string original, string patched, IReadOnlyList<TreeChange> changes, ProtectedPaths? protectedPaths = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(changes);
        var relaxed = task.Spec.Control.RelaxRules.ToHashSet(StringComparer.Ordinal);
        var allowed = task.Spec.Control.AllowEdits.Select(g => new Glob(g)).Concat(task.Spec.Kernels.Select(k => new Glob(k.Path))).ToList();
        protectedPaths ??= ProtectedPaths.For(task);
        var violations = new List<PolicyViolation>();
        var changedSources = new List<string>();
        foreach (var change in changes.Where(c => c.Kind is ChangeKind.Added or ChangeKind.Changed && !protectedPaths.IsProtected(c.Path)))
        {
            if (change.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                changedSources.Add(change.Path);
            }
            else if (!allowed.Any(g => g.Matches(change.Path)))
            {
                violations.AddRange(CheckOtherFile(patched, change.Path));
            }
        }

        if (changedSources.Count > 0)
        {
            var paths = protectedPaths;
            var (before, usage) = Originals.GetOrAdd(
                original + "\n" + string.Join("\n", task.Spec.Control.AllowEdits),
                _ => new Lazy<(SourceSet, IReadOnlySet<string>)>(() => { var sources = SourceSet.Load(original, paths); return (sources, sources.ResourceUses()); })).Value;
            var after = SourceSet.Load(patched, protectedPaths);
            foreach (var path in changedSources)
            {
                var found = after.Findings(path, usage);
                var old = before.Has(path) ? before.Findings(path, usage) : [];
                violations.AddRange(NewFindings(found, old));
            }
        }

        return [.. violations.Where(v => !relaxed.Contains(v.Rule)).Distinct()];
    }

    /// <summary>Findings of the patched file that the original file did not already have (compared by rule and detail, counted).</summary>
    private static IEnumerable<PolicyViolation> NewFindings(IReadOnlyList<PolicyViolation> found, IReadOnlyList<PolicyViolation> old)
    {
        var budget = old.GroupBy(v => (v.Rule, v.Detail)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var violation in found)
        {
            var key = (violation.Rule, violation.Detail);
            if (budget.TryGetValue(key, out var left) && left > 0)
            {
                budget[key] = left - 1;
                continue;
            }

            yield return violation;
        }
    }

    private static IEnumerable<PolicyViolation> CheckOtherFile(string patched, string path)
    {
        var text = File.ReadAllText(Path.Combine(patched, path));
        if (MsBuildMarkers.FirstOrDefault(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } marker)
        {
            yield return new PolicyViolation(PolicyRules.MsBuildContent.Id, path, LineOf(text, marker), marker);
        }
        else if (!DataExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new PolicyViolation(PolicyRules.UnexpectedFile.Id, path, 0, $"a {Path.GetExtension(path) switch { "" => "file without extension", var e => e + " file" }}");
        }
    }

    private static int LineOf(string text, string fragment) =>
        text[..Math.Max(0, text.IndexOf(fragment, StringComparison.OrdinalIgnoreCase))].Count(c => c == '\n') + 1;

    /// <summary>The library's C# sources (everything outside protected places, bin and obj) compiled against the framework.</summary>
    private sealed class SourceSet
    {
        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Latest).WithPreprocessorSymbols(
            "DEBUG", "TRACE", "NET", "NETCOREAPP", "NET10_0", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
            "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER");

        private static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(FrameworkReferences);

        // The SDK's implicit usings for a library project (ImplicitUsings=enable).
        private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
            Parse);

        private readonly CSharpCompilation _compilation;
        private readonly Dictionary<string, SyntaxTree> _trees;

        private SourceSet(Dictionary<string, SyntaxTree> trees)
        {
            _trees = trees;
            _compilation = CSharpCompilation.Create(
                "policy",
                trees.Values.Append(ImplicitUsings),
                Framework.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        }

        public static SourceSet Load(string root, ProtectedPaths protectedPaths)
        {
            var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var segments = relative.Split('/');
                if (segments.Any(s => s is "bin" or "obj" or ".git") || protectedPaths.IsProtected(relative) || new FileInfo(file).LinkTarget is not null)
                {
                    continue;
                }

                trees[relative] = CSharpSyntaxTree.ParseText(File.ReadAllText(file), Parse, path: relative);
            }

            return new SourceSet(trees);
        }

        public bool Has(string path) => _trees.ContainsKey(path);

        public IReadOnlyList<PolicyViolation> Findings(string path, IReadOnlySet<string> taskUsage) =>
            _trees.TryGetValue(path, out var tree)
                ? new PolicyWalker(_compilation.GetSemanticModel(tree), path, taskUsage).Run()
                : [];

        /// <summary>The resource members (file, process, network) this code uses, which a fix may use too.</summary>
        public HashSet<string> ResourceUses()
        {
            var uses = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, tree) in _trees)
            {
                uses.UnionWith(new PolicyWalker(_compilation.GetSemanticModel(tree), path, new HashSet<string>()).Run()
                    .Where(v => PolicyRules.Find(v.Rule)?.AllowWhatTheTaskUses == true)
                    .Select(v => v.Detail));
            }

            return uses;
        }

        private static IReadOnlyList<MetadataReference> FrameworkReferences()
        {
            var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
        }
    }
}
