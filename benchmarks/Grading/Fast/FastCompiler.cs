using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dgm.Benchmarks.Grading.Fast;

/// <summary>Where the sandbox paths of a plan are on this machine.</summary>
/// <param name="Repo">The repository (/work in the sandbox).</param>
/// <param name="Packages">The package folder (/nuget).</param>
/// <param name="Sdk">The .NET SDK (/usr/share/dotnet).</param>
public sealed record PlanPaths(string Repo, string Packages, string Sdk)
{
    public const string SandboxRepo = "/work";

    /// <summary>A sandbox path as a path here; others are returned as they are.</summary>
    public string ToHost(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Swap(path, SandboxRepo, Repo)
            ?? Swap(path, GradingEnvironment.SandboxPackagesDir, Packages)
            ?? Swap(path, GradingEnvironment.SandboxSdkDir, Sdk)
            ?? path;
    }

    /// <summary>A path inside <see cref="Repo"/> as the sandbox sees it.</summary>
    public string ToSandbox(string hostPath) =>
        SandboxRepo + "/" + Path.GetRelativePath(Repo, hostPath).Replace('\\', '/');

    private static string? Swap(string path, string from, string to) =>
        path == from ? to
        : path.StartsWith(from + "/", StringComparison.Ordinal) ? to + path[from.Length..]
        : null;
}

/// <summary>What compiling a plan produced: the test assembly here, or the first errors.</summary>
public sealed record FastBuild(bool Succeeded, string? TestAssembly, string Errors, double Seconds);

/// <summary>
/// Compiles a task's projects in memory with Roslyn from the compiler arguments MSBuild used in the baseline
/// build (<see cref="BuildPlan"/>), on a prepared repository: the same options, defines, references and
/// generated files and the SDK's source generators, the patched tree's sources, each project referencing the
/// ones compiled before it. No code of the repository or of a package runs while compiling (diagnostic-only
/// analyzers are not run: see the plan's full-only checks). Source paths are the sandbox's, so `[CallerFilePath]` and debug information match the full build.
/// </summary>
public static class FastCompiler
{
    private static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ImmutableArray<ISourceGenerator>> GeneratorsByPath = new(StringComparer.Ordinal);

    /// <summary>
    /// Compiles every project of <paramref name="plan"/> in <paramref name="paths"/>.Repo (whose generated files
    /// must already be in place), writing each assembly and its symbols into the test project's output folder.
    /// </summary>
    public static FastBuild Compile(BuildPlan plan, PlanPaths paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paths);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = Path.Combine(paths.Repo, plan.TestOutputDir);
        Directory.CreateDirectory(output);
        var compiled = new Dictionary<string, CSharpCompilation>(StringComparer.OrdinalIgnoreCase);
        string? testAssembly = null;
        foreach (var project in plan.Projects)
        {
            var projectDir = Path.Combine(paths.Repo, project.ProjectDir);
            var parsed = Parse(project.Arguments, projectDir, paths);
            if (parsed.Errors.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } bad)
            {
                return new FastBuild(false, null, $"{project.Name}: the recorded compiler arguments do not parse: {bad.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", clock.Elapsed.TotalSeconds);
            }

            var trees = Sources(project, parsed, projectDir)
                .Select(file => CSharpSyntaxTree.ParseText(Read(file, parsed), parsed.ParseOptions, paths.ToSandbox(file), cancellationToken))
                .ToList();
            var references = new List<MetadataReference>();
            foreach (var reference in parsed.MetadataReferences)
            {
                var name = Path.GetFileNameWithoutExtension(reference.Reference);
                if (IsInside(reference.Reference, paths.Repo))
                {
                    // Another project's output: the one compiled just now.
                    if (!compiled.TryGetValue(name, out var other))
                    {
                        return new FastBuild(false, null, $"{project.Name} references {name}, which the plan does not compile before it", clock.Elapsed.TotalSeconds);
                    }

                    references.Add(other.ToMetadataReference());
                }
                else
                {
                    references.Add(References.GetOrAdd(reference.Reference, path => MetadataReference.CreateFromFile(path)));
                }
            }

            var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references, parsed.CompilationOptions);
            var generators = parsed.AnalyzerReferences.Select(r => r.FilePath).Where(f => IsInside(f, Path.Combine(paths.Sdk, "packs"))).SelectMany(f => Generators(f)).ToList();
            if (generators.Count > 0)
            {
                CSharpGeneratorDriver.Create(generators, parseOptions: parsed.ParseOptions)
                    .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics, cancellationToken);
                if (generatorDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } failed)
                {
                    return new FastBuild(false, null, $"{project.Name}: {failed}", clock.Elapsed.TotalSeconds);
                }

                compilation = (CSharpCompilation)generated;
            }

            var dll = Path.Combine(output, project.AssemblyName + ".dll");
            var pdb = Path.Combine(output, project.AssemblyName + ".pdb");
            Microsoft.CodeAnalysis.Emit.EmitResult result;
            using (var peStream = File.Create(dll))
            using (var pdbStream = File.Create(pdb))
            {
                result = compilation.Emit(peStream, pdbStream, options: parsed.EmitOptions.WithPdbFilePath(paths.ToSandbox(pdb)), cancellationToken: cancellationToken);
            }

            if (!result.Success)
            {
                File.Delete(dll);
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
                return new FastBuild(false, null, $"{project.Name}: {string.Join("\n", errors)}", clock.Elapsed.TotalSeconds);
            }

            compiled[project.AssemblyName] = compilation;
            testAssembly = dll;
        }

        return new FastBuild(testAssembly is not null, testAssembly, testAssembly is null ? "the plan has no project" : "", clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The project's compile inputs in the patched tree: its recorded generated files, and either its recorded
    /// sources (explicit items) or the `**/*.cs` now under its folder (the SDK's default items).
    /// </summary>
    public static IReadOnlyList<string> Sources(ProjectPlan project, CommandLineArguments parsed, string projectDir)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parsed);
        var recorded = parsed.SourceFiles.Select(s => Path.GetFullPath(s.Path)).ToList();
        if (!project.DefaultItems)
        {
            return recorded;
        }

        var generated = recorded.Where(f => !IsProjectSource(f, projectDir)).ToList();
        return [.. generated, .. DefaultItems(projectDir)];
    }

    /// <summary>What the SDK's default compile items find: every .cs under the folder but bin/, obj/ and dot-folders.</summary>
    public static IEnumerable<string> DefaultItems(string projectDir) =>
        Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !DefaultItemsExcluded(Path.GetRelativePath(projectDir, f)))
            .Order(StringComparer.Ordinal);

    /// <summary>A recorded argument list parsed as the compiler would, with this machine's paths.</summary>
    internal static CSharpCommandLineArguments Parse(IEnumerable<string> arguments, string projectDir, PlanPaths paths) =>
        CSharpCommandLineParser.Default.Parse(arguments.Select(a => MapArgument(a, paths)), projectDir, sdkDirectory: null);

    /// <summary>A file the SDK's default items would find in the project (not a generated input under obj/ or elsewhere).</summary>
    internal static bool IsProjectSource(string file, string projectDir) =>
        IsInside(file, projectDir) && !DefaultItemsExcluded(Path.GetRelativePath(projectDir, file));

    private static bool DefaultItemsExcluded(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return parts[0] is "bin" or "obj" || parts.SkipLast(1).Any(p => p.StartsWith('.'));
    }

    private static bool IsInside(string path, string folder) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder).TrimEnd('/') + "/", StringComparison.Ordinal);

    private static SourceText Read(string file, CommandLineArguments parsed)
    {
        using var stream = File.OpenRead(file);
        return SourceText.From(stream, parsed.Encoding ?? new UTF8Encoding(false), parsed.ChecksumAlgorithm);
    }

    /// <summary>
    /// The source generators in an analyzer assembly of the SDK's own packs (regular expressions, JSON, interop):
    /// the build runs them, so the fast compile does too. Analyzers that only report diagnostics are not run, and
    /// nothing from a package or the repository is ever loaded (see the plan's full-only checks).
    /// </summary>
    private static ImmutableArray<ISourceGenerator> Generators(string path) =>
        GeneratorsByPath.GetOrAdd(path, p => new AnalyzerFileReference(p, GeneratorLoader.Instance).GetGenerators(LanguageNames.CSharp));

    /// <summary>Loads the SDK's generator assemblies (and their neighbours) into this process.</summary>
    private sealed class GeneratorLoader : IAnalyzerAssemblyLoader
    {
        public static readonly GeneratorLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }

    /// <summary>`/option:PATH` and bare absolute paths get this machine's paths.</summary>
    private static string MapArgument(string argument, PlanPaths paths)
    {
        // A bare path is a source file: the repository's, or one a package or the SDK adds (xUnit v3 adds its runner's).
        if (new[] { PlanPaths.SandboxRepo, GradingEnvironment.SandboxPackagesDir, GradingEnvironment.SandboxSdkDir }.Any(root => argument.StartsWith(root + "/", StringComparison.Ordinal)))
        {
            return paths.ToHost(argument);
        }

        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        return argument.StartsWith('/') && colon > 0 && colon + 1 < argument.Length && argument[colon + 1] == '/'
            ? argument[..(colon + 1)] + paths.ToHost(argument[(colon + 1)..])
            : argument;
    }
}
