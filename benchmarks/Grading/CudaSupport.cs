using Dgm.Benchmarks.Tasks;
using Dgm.Cuda;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>
/// What this machine offers CUDA tasks: whether a device is present (else why not), the CUDA binding that
/// task programs reference (Dgm.Cuda.dll, mounted read-only into every sandbox), and, with a device, the
/// host's NVRTC libraries (the sandbox image carries none; the NVIDIA runtime injects only the driver).
/// </summary>
public sealed record CudaSupport(bool DeviceAvailable, string Reason, string? BindingDir, IReadOnlyList<string> NvrtcLibraries)
{
    public const string SandboxDir = "/opt/dgm/cuda";
    public const string SandboxLibDir = SandboxDir + "/lib";

    /// <summary>The MSBuild property (an environment variable) that task projects read the binding's path from.</summary>
    public const string AssemblyVariable = "DGM_CUDA_ASSEMBLY";

    private static readonly Lazy<CudaSupport> Detected = new(() => Detect(CudaAvailability.Probe()));

    /// <summary>This machine's support, probed once per process.</summary>
    public static CudaSupport Host => Detected.Value;

    /// <summary>Probes the driver (never throws) and prepares the binding folder under DGM_HOME.</summary>
    public static CudaSupport Detect(CudaAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        return new CudaSupport(availability.Available, availability.Reason, PrepareBinding(), availability.Available ? LoadedNvrtc() : []);
    }

    /// <summary>Why this machine cannot run the task ("no CUDA device: ..."), or null when it can.</summary>
    public string? SkipReason(BenchTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Spec.RequiresCuda && !DeviceAvailable ? Reason : null;
    }

    /// <summary>The sandbox for one task: the binding always; the GPUs and NVRTC when the task requires CUDA and a device is here.</summary>
    public SandboxSpec Apply(SandboxSpec spec, BenchTask? task)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (BindingDir is null)
        {
            return spec;
        }

        var gpu = task is not null && task.Spec.RequiresCuda && DeviceAvailable;
        var environment = new Dictionary<string, string>(spec.Environment) { [AssemblyVariable] = $"{SandboxDir}/Dgm.Cuda.dll" };
        if (gpu)
        {
            environment["LD_LIBRARY_PATH"] = SandboxLibDir;
        }

        return spec with
        {
            Mounts =
            [
                .. spec.Mounts,
                new MountSpec(BindingDir, SandboxDir),
                .. gpu ? NvrtcLibraries.Select(lib => new MountSpec(lib, $"{SandboxLibDir}/{Path.GetFileName(lib)}")) : [],
            ],
            Environment = environment,
            Gpus = spec.Gpus || gpu,
        };
    }

    /// <summary>Copies Dgm.Cuda.dll to DGM_HOME/cuda/&lt;version&gt;/, so sandboxes mount one small folder.</summary>
    private static string? PrepareBinding()
    {
        var source = typeof(CudaContext).Assembly.Location;
        if (string.IsNullOrEmpty(source) || !File.Exists(source))
        {
            return null;
        }

        var stamp = $"{File.GetLastWriteTimeUtc(source):yyyyMMddHHmmss}-{new FileInfo(source).Length}";
        var dir = Path.Combine(GradingEnvironment.DgmHome(), "cuda", stamp);
        var target = Path.Combine(dir, "Dgm.Cuda.dll");
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(dir);
            var partial = target + $".{Environment.ProcessId}.tmp";
            File.Copy(source, partial, overwrite: true);
            File.Move(partial, target, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                // Sandboxes run as another user.
                File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        return dir;
    }

    /// <summary>The NVRTC library files this process can load (libnvrtc and its builtins), found through the loader's map.</summary>
    private static IReadOnlyList<string> LoadedNvrtc()
    {
        if (!Dgm.Cuda.NVRTC.CudaRuntimeCompiler.IsAvailable || !File.Exists("/proc/self/maps"))
        {
            return [];
        }

        var loaded = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .FirstOrDefault(path => Path.GetFileName(path).StartsWith("libnvrtc.so", StringComparison.Ordinal));
        if (loaded is null)
        {
            return [];
        }

        var folder = Path.GetDirectoryName(loaded)!;
        return [.. Directory.EnumerateFiles(folder, "libnvrtc*.so*").Order(StringComparer.Ordinal)];
    }
}
