namespace Dgm.Sandbox.Local;

/// <summary>Pure construction of a bubblewrap command line: no network, read-only system, one writable work folder.</summary>
public static class BwrapArguments
{
    /// <summary>System folders bound read-only so ordinary tools and the .NET SDK work inside.</summary>
    public static readonly IReadOnlyList<string> SystemFolders = ["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/opt"];

    /// <summary>
    /// The bwrap arguments. A mount point that does not exist inside a read-only system folder (the CUDA binding at
    /// /opt/dgm/cuda, say) cannot be created there, so that folder becomes a tmpfs holding read-only binds of its
    /// entries, the mount is made, and the folder is remounted read-only. exists and entries look at this machine
    /// (tests pass their own).
    /// </summary>
    public static IReadOnlyList<string> Build(
        string hostWorkDir,
        SandboxSpec spec,
        IEnumerable<string> existingSystemFolders,
        Func<string, bool>? exists = null,
        Func<string, IEnumerable<(string Path, string? LinkTarget)>>? entries = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(existingSystemFolders);
        exists ??= Path.Exists;
        entries ??= Entries;
        var args = new List<string>
        {
            "--unshare-all", "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        };
        if (spec.Network)
        {
            args.Add("--share-net");
        }

        var expanded = new List<string>();
        foreach (var folder in existingSystemFolders)
        {
            if (!spec.Mounts.Any(m => m.SandboxPath.StartsWith(folder + "/", StringComparison.Ordinal) && !exists(m.SandboxPath)))
            {
                args.AddRange(["--ro-bind", folder, folder]);
                continue;
            }

            expanded.Add(folder);
            args.AddRange(["--tmpfs", folder]);
            foreach (var (path, target) in entries(folder))
            {
                args.AddRange(target is null ? ["--ro-bind", path, path] : ["--symlink", target, path]);
            }
        }

        args.AddRange(["--dir", SandboxDefaults.HomeDir, "--setenv", "HOME", SandboxDefaults.HomeDir]);
        foreach (var mount in spec.Mounts)
        {
            args.AddRange([mount.ReadOnly ? "--ro-bind" : "--bind", mount.HostPath, mount.SandboxPath]);
        }

        foreach (var folder in expanded)
        {
            args.AddRange(["--remount-ro", folder]);
        }

        args.AddRange(["--bind", hostWorkDir, spec.WorkDir]);
        return args;
    }

    private static IEnumerable<(string Path, string? LinkTarget)> Entries(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(i => i.FullName, StringComparer.Ordinal).Select(i => (i.FullName, i.LinkTarget));
}
