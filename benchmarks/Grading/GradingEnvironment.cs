using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>
/// What every grading sandbox mounts: the host's .NET SDK, the prepared package folder and the CUDA binding,
/// all read-only; tasks that require CUDA also get the GPUs where this machine has them.
/// </summary>
public sealed record GradingEnvironment(string SdkDir, string PackagesDir, string Image = SandboxDefaults.Image)
{
    /// <summary>The machine's CUDA support (probed once per process unless a caller sets it).</summary>
    public CudaSupport Cuda { get; init; } = CudaSupport.Host;

    public const string SandboxSdkDir = "/usr/share/dotnet";
    public const string SandboxPackagesDir = "/nuget";

    /// <summary>The environment of every test command: offline, quiet, no lingering build servers.</summary>
    public static IReadOnlyDictionary<string, string> TestEnvironment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_ROOT"] = SandboxSdkDir,
        ["NUGET_PACKAGES"] = SandboxPackagesDir,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",

        // Environment variables are MSBuild properties: skip the vulnerability audit, which needs the network.
        ["NuGetAudit"] = "false",
        ["HOME"] = SandboxDefaults.HomeDir,
    };

    /// <summary>The folder holding the running SDK (where `dotnet` resolves to).</summary>
    public static string HostSdkDir()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
        {
            return root;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                var resolved = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
                return Path.GetDirectoryName(resolved)!;
            }
        }

        throw new InvalidOperationException("The .NET SDK was not found on PATH; install it or set DOTNET_ROOT.");
    }

    /// <summary>Where Dgm keeps machine-wide state (the package folder): DGM_HOME, else ~/.dgm.</summary>
    public static string DgmHome() =>
        Environment.GetEnvironmentVariable("DGM_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dgm");

    /// <summary>The sandbox for work on <paramref name="task"/> (or on no task: builds, self-improvement).</summary>
    public SandboxSpec SandboxSpec(string runId, BenchTask? task = null) => Cuda.Apply(BaseSpec(runId), task);

    private SandboxSpec BaseSpec(string runId) => new()
    {
        Image = Image,
        RunId = runId,
        Mounts =
        [
            new MountSpec(SdkDir, SandboxSdkDir),
            new MountSpec(PackagesDir, SandboxPackagesDir),
        ],
        Environment = TestEnvironment,
    };
}
