using System.Text.RegularExpressions;
using Dgm.Benchmarks.Tasks;
using Dgm.Cuda.NVRTC;

namespace Dgm.Benchmarks.Validation;

/// <summary>
/// The static part of a CUDA task's validation, which needs no GPU: NVRTC compiles every declared kernel
/// source and the PTX holds every declared entry point.
/// </summary>
public static partial class KernelChecker
{
    /// <summary>The options task programs compile with: PTX for compute capability 7.0, which newer GPUs JIT-compile.</summary>
    public static readonly IReadOnlyList<string> Options = ["--gpu-architecture=compute_70"];

    /// <summary>Compiles the kernels as they are in <paramref name="repoDir"/>; returns the problems, each prefixed with <paramref name="version"/>.</summary>
    public static IReadOnlyList<string> Check(string repoDir, IReadOnlyList<KernelSource> kernels, string version)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        var problems = new List<string>();
        foreach (var kernel in kernels)
        {
            var file = Path.Combine(repoDir, kernel.Path);
            if (!File.Exists(file))
            {
                problems.Add($"{version}: {kernel.Path} is missing");
                continue;
            }

            try
            {
                var ptx = Compile(File.ReadAllText(file), Path.GetFileName(kernel.Path));
                var found = Entries(ptx);
                var absent = kernel.Entries.Where(e => !found.Contains(e)).ToList();
                if (absent.Count > 0)
                {
                    problems.Add($"{version}: the PTX of {kernel.Path} lacks entry point(s) {string.Join(", ", absent)} (it has: {(found.Count == 0 ? "none" : string.Join(", ", found))}; kernels must be extern \"C\" __global__)");
                }
            }
            catch (NvrtcUnavailableException)
            {
                throw;
            }
            catch (NVRTCException e)
            {
                problems.Add($"{version}: {kernel.Path} does not compile: {e.Message.ReplaceLineEndings(" | ")}");
            }
        }

        return problems;
    }

    /// <summary>CUDA C++ to PTX text with <see cref="Options"/>.</summary>
    public static string Compile(string source, string name)
    {
        using var compiler = new CudaRuntimeCompiler(source, name);
        compiler.Compile([.. Options]);
        return compiler.GetPTXAsString();
    }

    /// <summary>The kernel entry points a PTX module declares.</summary>
    public static IReadOnlySet<string> Entries(string ptx) =>
        EntryPattern().Matches(ptx).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\.entry\s+([A-Za-z_$][\w$]*)\s*\(")]
    private static partial Regex EntryPattern();
}
