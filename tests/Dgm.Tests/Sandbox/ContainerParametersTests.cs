using Dgm.Sandbox;
using Dgm.Sandbox.Docker;

namespace Dgm.Tests.Sandbox;

[TestClass]
public sealed class ContainerParametersTests
{
    private static readonly SandboxOwner Owner = new("host-a", 4242, 99);

    private static SandboxSpec Spec() => new()
    {
        RunId = "run-7",
        Mounts = [new MountSpec("/usr/share/dotnet", "/usr/share/dotnet"), new MountSpec("/data/out", "/out", ReadOnly: false)],
        Limits = new ResourceLimits { MemoryBytes = 1 << 30, Pids = 256, Cpus = 1.5, WorkDiskBytes = 1 << 20 },
    };

    [TestMethod]
    public void Defaults_are_restrictive_no_network_no_capabilities_no_new_privileges_read_only_root()
    {
        var p = ContainerParameters.Build(Spec(), Owner);

        Assert.AreEqual("none", p.HostConfig!.NetworkMode);
        Assert.IsTrue(p.NetworkDisabled);
        CollectionAssert.AreEqual(new[] { "ALL" }, p.HostConfig!.CapDrop!.ToArray());
        CollectionAssert.Contains(p.HostConfig!.SecurityOpt!.ToArray(), "no-new-privileges");
        Assert.IsTrue(p.HostConfig!.ReadonlyRootfs);
        Assert.AreEqual("1000:1000", p.User);
    }

    [TestMethod]
    public void Limits_become_memory_pids_and_cpu_quotas_with_no_swap()
    {
        var p = ContainerParameters.Build(Spec(), Owner);

        Assert.AreEqual(1L << 30, p.HostConfig!.Memory);
        Assert.AreEqual(1L << 30, p.HostConfig!.MemorySwap);
        Assert.AreEqual(256L, p.HostConfig!.PidsLimit);
        Assert.AreEqual(1_500_000_000L, p.HostConfig!.NanoCPUs);
    }

    [TestMethod]
    public void Mounts_are_read_only_unless_asked_and_the_work_folder_is_a_size_capped_tmpfs()
    {
        var p = ContainerParameters.Build(Spec(), Owner);

        CollectionAssert.AreEqual(new[] { "/usr/share/dotnet:/usr/share/dotnet:ro", "/data/out:/out:rw" }, p.HostConfig!.Binds!.ToArray());
        StringAssert.Contains(p.HostConfig!.Tmpfs!["/work"], "size=1048576");
        StringAssert.Contains(p.HostConfig!.Tmpfs!["/work"], "uid=1000");
        Assert.IsTrue(p.HostConfig!.Tmpfs!.ContainsKey("/tmp"));
    }

    [TestMethod]
    public void Labels_name_the_run_and_the_owning_process_for_the_reaper()
    {
        var p = ContainerParameters.Build(Spec(), Owner);

        Assert.AreEqual("run-7", p.Labels[SandboxDefaults.RunLabel]);
        Assert.AreEqual("4242", p.Labels[SandboxDefaults.OwnerPidLabel]);
        Assert.AreEqual("99", p.Labels[SandboxDefaults.OwnerStartLabel]);
        Assert.AreEqual("true", p.Labels[SandboxDefaults.SandboxLabel]);
    }

    [TestMethod]
    public void Network_and_gpus_only_when_the_spec_asks()
    {
        var p = ContainerParameters.Build(Spec() with { Network = true, Gpus = true }, Owner);

        Assert.AreEqual("bridge", p.HostConfig!.NetworkMode);
        Assert.AreEqual(1, p.HostConfig!.DeviceRequests!.Count);
        Assert.IsNull(ContainerParameters.Build(Spec(), Owner).HostConfig!.DeviceRequests);
    }

    [TestMethod]
    public void Relative_mount_paths_are_refused() =>
        Assert.ThrowsExactly<ArgumentException>(() => ContainerParameters.Bind(new MountSpec("relative/dir", "/x")));
}
