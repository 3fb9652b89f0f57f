namespace Dgm.Sandbox.Local;

/// <summary>Pure construction of a bubblewrap command line: no network, read-only system, one writable work folder.</summary>
public static class BwrapArguments
{
    /// <summary>System folders bound read-only so ordinary tools and the .NET SDK work inside.</summary>
    public static readonly IReadOnlyList<string> SystemFolders = ["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/opt"];

    public static IReadOnlyList<string> Build(string hostWorkDir, SandboxSpec spec, IEnumerable<string> existingSystemFolders)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var args = new List<string>
        {
            "--unshare-all", "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        };
        if (spec.Network)
        {
            args.Add("--share-net");
        }

        foreach (var folder in existingSystemFolders)
        {
            args.AddRange(["--ro-bind", folder, folder]);
        }

        args.AddRange(["--dir", SandboxDefaults.HomeDir, "--setenv", "HOME", SandboxDefaults.HomeDir]);
        foreach (var mount in spec.Mounts)
        {
            args.AddRange([mount.ReadOnly ? "--ro-bind" : "--bind", mount.HostPath, mount.SandboxPath]);
        }

        args.AddRange(["--bind", hostWorkDir, spec.WorkDir]);
        return args;
    }
}
