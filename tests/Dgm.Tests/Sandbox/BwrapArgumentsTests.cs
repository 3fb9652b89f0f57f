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
}
