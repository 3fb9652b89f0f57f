using Dgm.Sandbox;
using Dgm.Sandbox.Local;

namespace Dgm.Tests.Sandbox;

[TestClass]
public sealed class BwrapArgumentsTests
{
    [TestMethod]
    public void Unshares_everything_including_the_network_and_binds_system_folders_read_only()
    {
        var args = BwrapArguments.Build("/tmp/w", new SandboxSpec { RunId = "r" }, ["/usr", "/etc"]);
        var line = string.Join(' ', args);

        StringAssert.Contains(line, "--unshare-all");
        StringAssert.Contains(line, "--die-with-parent");
        StringAssert.Contains(line, "--ro-bind /usr /usr");
        StringAssert.Contains(line, "--bind /tmp/w /work");
        Assert.DoesNotContain("--share-net", args);
    }

    [TestMethod]
    public void Mounts_keep_their_read_only_flag()
    {
        var spec = new SandboxSpec { RunId = "r", Mounts = [new MountSpec("/h/pkgs", "/nuget"), new MountSpec("/h/out", "/out", false)] };
        var line = string.Join(' ', BwrapArguments.Build("/tmp/w", spec, []));

        StringAssert.Contains(line, "--ro-bind /h/pkgs /nuget");
        StringAssert.Contains(line, "--bind /h/out /out");
    }

    [TestMethod]
    public void A_mount_point_missing_under_a_read_only_system_folder_gets_a_tmpfs_skeleton_of_that_folder()
    {
        var spec = new SandboxSpec { RunId = "r", Mounts = [new MountSpec("/h/cuda", "/opt/dgm/cuda")] };
        var line = string.Join(' ', BwrapArguments.Build("/tmp/w", spec, ["/usr", "/opt"], exists: _ => false, entries: _ => [("/opt/tool", null), ("/opt/latest", "/opt/tool")]));

        StringAssert.Contains(line, "--ro-bind /usr /usr", "folders without a missing mount point stay whole");
        Assert.DoesNotContain("--ro-bind /opt /opt", line);
        StringAssert.Contains(line, "--tmpfs /opt --ro-bind /opt/tool /opt/tool --symlink /opt/tool /opt/latest");
        Assert.IsTrue(line.IndexOf("--ro-bind /h/cuda /opt/dgm/cuda", StringComparison.Ordinal) < line.IndexOf("--remount-ro /opt", StringComparison.Ordinal), line);
    }

    [TestMethod]
    public void A_mount_point_that_exists_under_a_system_folder_keeps_the_folder_bound_whole()
    {
        var spec = new SandboxSpec { RunId = "r", Mounts = [new MountSpec("/h/cuda", "/opt/dgm/cuda")] };
        var line = string.Join(' ', BwrapArguments.Build("/tmp/w", spec, ["/opt"], exists: _ => true, entries: _ => throw new AssertFailedException("not listed")));

        StringAssert.Contains(line, "--ro-bind /opt /opt --dir");
        Assert.DoesNotContain("--tmpfs /opt", line);
    }
}
