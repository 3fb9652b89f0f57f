using System.Globalization;
using Docker.DotNet.Models;

namespace Dgm.Sandbox.Docker;

/// <summary>Pure translation of a <see cref="SandboxSpec"/> into Docker's create-container parameters.</summary>
public static class ContainerParameters
{
    /// <summary>The container's main process: it only keeps the container alive; commands run as execs.</summary>
    public static readonly IReadOnlyList<string> KeepAliveCommand = ["sleep", "infinity"];

    public static CreateContainerParameters Build(SandboxSpec spec, SandboxOwner owner)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(owner);
        var labels = new Dictionary<string, string>(spec.Labels)
        {
            [SandboxDefaults.SandboxLabel] = "true",
            [SandboxDefaults.RunLabel] = spec.RunId,
            [SandboxDefaults.OwnerPidLabel] = owner.Pid.ToString(CultureInfo.InvariantCulture),
            [SandboxDefaults.OwnerStartLabel] = owner.StartTicks.ToString(CultureInfo.InvariantCulture),
            [SandboxDefaults.LabelPrefix + ".host"] = owner.Host,
        };

        var host = new HostConfig
        {
            NetworkMode = spec.Network ? "bridge" : "none",
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            ReadonlyRootfs = true,
            Memory = spec.Limits.MemoryBytes,
            MemorySwap = spec.Limits.MemoryBytes,
            PidsLimit = spec.Limits.Pids,
            NanoCPUs = (long)(spec.Limits.Cpus * 1_000_000_000),
            Binds = [.. spec.Mounts.Select(Bind)],
            Tmpfs = Tmpfs(spec),
            Init = true,
        };
        if (spec.Gpus)
        {
            host.DeviceRequests = [new DeviceRequest { Driver = "nvidia", Count = -1, Capabilities = [["gpu"]] }];
        }

        return new CreateContainerParameters
        {
            Image = spec.Image,
            Cmd = [.. KeepAliveCommand],
            User = SandboxDefaults.User,
            WorkingDir = spec.WorkDir,
            Env = [.. spec.Environment.Select(kv => $"{kv.Key}={kv.Value}")],
            Labels = labels,
            NetworkDisabled = !spec.Network,
            HostConfig = host,
        };
    }

    public static string Bind(MountSpec mount)
    {
        ArgumentNullException.ThrowIfNull(mount);
        if (!Path.IsPathFullyQualified(mount.HostPath) || !mount.SandboxPath.StartsWith('/'))
        {
            throw new ArgumentException($"Mount paths must be absolute: '{mount.HostPath}' -> '{mount.SandboxPath}'.", nameof(mount));
        }

        return $"{mount.HostPath}:{mount.SandboxPath}:{(mount.ReadOnly ? "ro" : "rw")}";
    }

    /// <summary>The writable places, each a size-capped tmpfs so a runaway command cannot fill the host disk.</summary>
    public static Dictionary<string, string> Tmpfs(SandboxSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (uid, gid) = SplitUser(SandboxDefaults.User);
        string Options(long bytes) => $"rw,exec,nosuid,nodev,size={bytes},uid={uid},gid={gid},mode=0755";
        return new Dictionary<string, string>
        {
            [spec.WorkDir] = Options(spec.Limits.WorkDiskBytes),
            ["/tmp"] = Options(spec.Limits.ScratchBytes),
            [SandboxDefaults.HomeDir] = Options(spec.Limits.ScratchBytes),
        };
    }

    private static (string Uid, string Gid) SplitUser(string user)
    {
        var parts = user.Split(':');
        return (parts[0], parts.Length > 1 ? parts[1] : parts[0]);
    }
}
