namespace Dgm.Sandbox;

/// <summary>What a sandbox starts from: an image, mounts, limits and the run it belongs to.</summary>
public sealed record SandboxSpec
{
    /// <summary>The image (Docker) to start; ignored by the local backend.</summary>
    public string Image { get; init; } = SandboxDefaults.Image;

    /// <summary>The run this sandbox belongs to; every container is labelled with it.</summary>
    public required string RunId { get; init; }

    /// <summary>Host folders to mount. Read-only unless a mount says otherwise.</summary>
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];

    /// <summary>The one writable folder commands start in.</summary>
    public string WorkDir { get; init; } = "/work";

    public ResourceLimits Limits { get; init; } = new();

    /// <summary>How much a copy out of the sandbox may bring to the host (defaults, or DGM_COPY_FILE_MB / DGM_COPY_TOTAL_MB).</summary>
    public CopyLimits CopyLimits { get; init; } = CopyLimits.FromEnvironment();

    /// <summary>Environment for every command. Never put secrets here: sandboxes are untrusted.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Network access; off unless a caller has a reason (sandboxes for untrusted code never do).</summary>
    public bool Network { get; init; }

    /// <summary>Extra labels for the container, besides the run label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Pass GPUs through (Docker device requests); only for tasks that require CUDA.</summary>
    public bool Gpus { get; init; }

    /// <summary>
    /// A command a <see cref="SandboxPool"/> runs in each sandbox it starts ahead of a request (it must return at
    /// once, leaving a process in the background: an agent warming up before it has a task). Backends ignore
    /// it, so whatever runs in the sandbox later must work whether or not it ran.
    /// </summary>
    public string? PoolWarmUp { get; init; }
}

/// <summary>A host folder seen inside the sandbox.</summary>
public sealed record MountSpec(string HostPath, string SandboxPath, bool ReadOnly = true);

/// <summary>Resource limits of one sandbox.</summary>
public sealed record ResourceLimits
{
    public long MemoryBytes { get; init; } = 3L * 1024 * 1024 * 1024;

    public long Pids { get; init; } = 1024;

    public double Cpus { get; init; } = 1.0;

    /// <summary>Size of the writable work folder (a tmpfs in Docker).</summary>
    public long WorkDiskBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Size of /tmp and of the home folder (each a tmpfs in Docker).</summary>
    public long ScratchBytes { get; init; } = 512L * 1024 * 1024;
}

/// <summary>Names shared by the backends and the scripts.</summary>
public static class SandboxDefaults
{
    public const string Image = "dgm-sandbox:latest";

    public const string User = "1000:1000";

    public const string HomeDir = "/home/sandbox";

    public const string LabelPrefix = "org.dgm";

    public const string RunLabel = LabelPrefix + ".run";

    public const string OwnerPidLabel = LabelPrefix + ".pid";

    public const string OwnerStartLabel = LabelPrefix + ".pid-start";

    public const string SandboxLabel = LabelPrefix + ".sandbox";

    /// <summary>Default output cap per stream, split between head and tail.</summary>
    public const int OutputCapBytes = 256 * 1024;
}
