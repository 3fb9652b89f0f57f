using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dgm.Agent.Repair;

/// <summary>
/// Validates candidates fast: compiles the library in memory with Roslyn (against the running
/// framework and the library's build folder), then runs the chosen tests in a child process
/// (<see cref="TestWorker"/>, one for the whole repair) with a timeout, so a candidate that loops or crashes
/// only costs its time.
/// </summary>
public sealed class Validator(LibraryProject library, TestWorker worker, TimeSpan testTimeout, string scratch)
{
    private static readonly ImmutableArray<MetadataReference> Framework =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p))];

    private readonly CSharpCompilation _baseline = CSharpCompilation.Create(
        library.AssemblyName,
        library.Trees,
        [.. Framework, .. library.ExtraReferences.Select(p => MetadataReference.CreateFromFile(p))],
        // Not concurrent: a sandbox has one CPU, and a small library compiled in parallel only adds hand-offs.
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Debug, concurrentBuild: false));

    private int _count;

    public CSharpCompilation Baseline => _baseline;

    public async Task<Verdict> CheckAsync(Candidate candidate, IReadOnlyList<string> tests, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var old = library.Trees.First(t => t.FilePath == candidate.FilePath);
        var compilation = _baseline.ReplaceSyntaxTree(old, candidate.NewTree);
        var dll = Path.Combine(scratch, $"c{Interlocked.Increment(ref _count)}", library.AssemblyName + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        await using (var stream = File.Create(dll))
        {
            if (!compilation.Emit(stream, cancellationToken: cancellationToken).Success)
            {
                return new Verdict(false, false, false, false, ["does not compile"], clock.Elapsed);
            }
        }

        var (timedOut, crashed, lines) = await RunTestsAsync(dll, tests, cancellationToken);
        var failures = tests.Where(t => !lines.Contains($"PASS {t}")).ToList();
        return new Verdict(true, !timedOut && !crashed && failures.Count == 0, timedOut, crashed, failures, clock.Elapsed);
    }

    private Task<(bool TimedOut, bool Crashed, HashSet<string> Lines)> RunTestsAsync(string dll, IReadOnlyList<string> tests, CancellationToken cancellationToken) =>
        worker.RunAsync(dll, tests, testTimeout, cancellationToken);
}
