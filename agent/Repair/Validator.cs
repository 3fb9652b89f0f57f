using System.Collections.Immutable;
using System.Diagnostics;
using Dgm.Agent.Runtime;
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

    // Not concurrent: a sandbox has one CPU, and a small library compiled in parallel only adds hand-offs.
    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Debug, concurrentBuild: false);

    private readonly CSharpCompilation _baseline = CSharpCompilation.Create(
        library.AssemblyName,
        library.Trees,
        [.. Framework, .. library.ExtraReferences.Select(p => MetadataReference.CreateFromFile(p))],
        Options);

    /// <summary>
    /// Compiles and emits a small library of the usual constructs, so the compiler's first real emit (most of a
    /// short repair's time) is paid before there is a task (see Warm).
    /// </summary>
    public static void WarmUp()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;

            namespace Warm;

            public sealed record Item(string Name, decimal Price, int Count);

            public static class Shop
            {
                public static string Total(IEnumerable<Item> items, CultureInfo culture)
                {
                    var text = new StringBuilder();
                    foreach (var item in items.Where(i => i.Count > 0).OrderBy(i => i.Name, StringComparer.Ordinal))
                    {
                        text.Append($"{item.Name}: {(item.Price * item.Count).ToString("0.00", culture)}; ");
                    }

                    return text.ToString().TrimEnd();
                }

                public static int Find(int[] values, int wanted)
                {
                    int low = 0, high = values.Length - 1;
                    while (low <= high)
                    {
                        var middle = low + ((high - low) / 2);
                        if (values[middle] == wanted) return middle;
                        if (values[middle] < wanted) low = middle + 1; else high = middle - 1;
                    }

                    return -1;
                }

                public static string Kind(object? value) => value switch
                {
                    null => throw new ArgumentNullException(nameof(value)),
                    int n when n < 0 => "negative",
                    string s => s.ToUpperInvariant(),
                    _ => value.ToString() ?? "",
                };

                public static Dictionary<string, List<int>> Group(IReadOnlyList<(string Key, int Value)> pairs)
                {
                    var groups = new Dictionary<string, List<int>>();
                    for (var i = 0; i < pairs.Count; i++)
                    {
                        if (!groups.TryGetValue(pairs[i].Key, out var list)) groups[pairs[i].Key] = list = new List<int>();
                        list.Add(pairs[i].Value);
                    }

                    return groups;
                }
            }
            """;
        var compilation = CSharpCompilation.Create("Warm", [CSharpSyntaxTree.ParseText(Source)], Framework, Options);
        compilation.Emit(Stream.Null);
    }

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
