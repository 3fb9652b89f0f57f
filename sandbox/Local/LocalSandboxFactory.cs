namespace Dgm.Sandbox.Local;

/// <summary>
/// Sandboxes without a daemon: a temporary work folder and a process group killed on timeout, inside
/// bubblewrap (no network, read-only system) when it is installed. Isolates less than Docker: no memory
/// or CPU limits, and without bubblewrap none at all beyond the work folder.
/// </summary>
public sealed class LocalSandboxFactory : ISandboxFactory
{
    /// <param name="useBubblewrap">Use bubblewrap when it is installed (the default).</param>
    public LocalSandboxFactory(bool useBubblewrap = true) => BwrapPath = useBubblewrap ? FindOnPath("bwrap") : null;

    /// <summary>The bubblewrap binary in use, or null when commands run unconfined.</summary>
    public string? BwrapPath { get; }

    public string Kind => "local";

    public string IsolationNote => BwrapPath is null
        ? "local sandbox WITHOUT bubblewrap: commands run as this user with full network and file access; only the timeout and work folder are enforced. Use Docker for untrusted code."
        : "local sandbox with bubblewrap: no network, read-only system, one writable folder; isolates less than Docker (no memory, pid or CPU limits).";

    public Task<ISandbox> StartAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var work = Directory.CreateTempSubdirectory($"dgm-{spec.RunId}-");
        ISandbox sandbox = new LocalSandbox(spec, work.FullName, BwrapPath);
        return Task.FromResult(sandbox);
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
