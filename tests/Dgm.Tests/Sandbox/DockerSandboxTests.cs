using Dgm.Sandbox;
using Dgm.Sandbox.Docker;
using Dgm.Tests.Support;
using Docker.DotNet;

namespace Dgm.Tests.Sandbox;

/// <summary>Behaviour against the real Docker daemon and the dgm-sandbox image.</summary>
[TestClass]
public sealed class DockerSandboxTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(30);

    private static async Task<CommandResult> RunAsync(ISandbox sandbox, string command, double seconds = 30) =>
        await sandbox.RunAsync(new CommandRequest(command, TimeSpan.FromSeconds(seconds)), CancellationToken.None);

    [TestMethod]
    public async Task Runs_a_command_as_a_non_root_user_without_network_and_reports_its_output()
    {
        var factory = await DockerFixture.FactoryAsync();
        await using var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);

        var result = await RunAsync(sandbox, "id -u; pwd; echo oops >&2; ls /sys/class/net; exit 3");

        Assert.AreEqual(3, result.ExitCode);
        Assert.AreEqual("1000\n/work\nlo\n", result.Stdout);
        Assert.AreEqual("oops\n", result.Stderr);
        Assert.IsFalse(result.TimedOut);
    }

    [TestMethod]
    public async Task A_timeout_is_a_result_and_kills_the_whole_process_group()
    {
        var factory = await DockerFixture.FactoryAsync();
        await using var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);

        var result = await RunAsync(sandbox, "(sleep 300 &) ; while true; do :; done", seconds: 1.5);
        var after = await RunAsync(sandbox, "ps -eo args | grep -c '^sleep 300' || true");

        Assert.IsTrue(result.TimedOut);
        Assert.IsLessThan(20.0, result.Duration.TotalSeconds);
        Assert.AreEqual("0", after.Stdout.Trim(), "the background child must die with its command");
    }

    [TestMethod]
    public async Task Endless_output_is_capped_keeping_head_and_tail()
    {
        var factory = await DockerFixture.FactoryAsync();
        await using var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);

        var result = await sandbox.RunAsync(
            new CommandRequest("echo FIRST; head -c 5000000 /dev/zero | tr '\\0' x; echo; echo LAST", Short) { OutputCapBytes = 4096 },
            CancellationToken.None);

        Assert.IsTrue(result.Truncated);
        Assert.StartsWith("FIRST", result.Stdout);
        Assert.EndsWith("LAST\n", result.Stdout);
        Assert.IsLessThan(5000, result.Stdout.Length);
    }

    [TestMethod]
    public async Task Mounts_are_read_only_and_the_root_filesystem_cannot_be_written()
    {
        var factory = await DockerFixture.FactoryAsync();
        var host = Directory.CreateTempSubdirectory("dgm-ro-").FullName;
        File.WriteAllText(Path.Combine(host, "keep.txt"), "original");
        try
        {
            await using var sandbox = await factory.StartAsync(DockerFixture.Spec() with { Mounts = [new MountSpec(host, "/data")] }, CancellationToken.None);

            var mount = await RunAsync(sandbox, "echo changed > /data/keep.txt");
            var root = await RunAsync(sandbox, "touch /etc/evil");

            Assert.AreNotEqual(0, mount.ExitCode);
            Assert.AreNotEqual(0, root.ExitCode);
            Assert.AreEqual("original", File.ReadAllText(Path.Combine(host, "keep.txt")));
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [TestMethod]
    public async Task Filling_the_disk_or_forking_without_end_stays_inside_the_limits()
    {
        var factory = await DockerFixture.FactoryAsync();
        var spec = DockerFixture.Spec() with { Limits = new ResourceLimits { WorkDiskBytes = 16L << 20, Pids = 64 } };
        await using var sandbox = await factory.StartAsync(spec, CancellationToken.None);

        var disk = await RunAsync(sandbox, "head -c 64000000 /dev/zero > /work/big");
        var fork = await RunAsync(sandbox, "for i in $(seq 200); do sleep 5 & done; wait", seconds: 20);
        var alive = await RunAsync(sandbox, "echo still-here");

        Assert.AreNotEqual(0, disk.ExitCode);
        StringAssert.Contains(disk.Stderr, "No space left");
        StringAssert.Contains(fork.Stderr, "Resource temporarily unavailable");
        Assert.AreEqual("still-here\n", alive.Stdout);
    }

    [TestMethod]
    public async Task Copies_folders_in_and_out_round_trip()
    {
        var factory = await DockerFixture.FactoryAsync();
        var source = Directory.CreateTempSubdirectory("dgm-in-").FullName;
        var target = Path.Combine(Path.GetTempPath(), $"dgm-out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        File.WriteAllText(Path.Combine(source, "sub", "a.txt"), "alpha");
        File.WriteAllText(Path.Combine(source, ".editorconfig"), "root = true");
        try
        {
            await using var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);
            await sandbox.CopyInAsync(source, "/work/repo", CancellationToken.None);
            Assert.AreEqual("root = true", (await RunAsync(sandbox, "cat /work/repo/.editorconfig")).Stdout, "dotfiles copy in");
            await RunAsync(sandbox, "echo beta > /work/repo/sub/b.txt; ln -s /etc/passwd /work/repo/link; touch /work/repo/empty.txt");

            await sandbox.CopyOutAsync("/work/repo", target, CancellationToken.None);
            await sandbox.CopyOutAsync("/work/repo/sub/b.txt", Path.Combine(target, "single.txt"), CancellationToken.None);

            Assert.AreEqual("alpha", File.ReadAllText(Path.Combine(target, "sub", "a.txt")));
            Assert.AreEqual("root = true", File.ReadAllText(Path.Combine(target, ".editorconfig")), "dotfiles survive both ways");
            Assert.AreEqual("beta\n", File.ReadAllText(Path.Combine(target, "sub", "b.txt")));
            Assert.AreEqual("beta\n", File.ReadAllText(Path.Combine(target, "single.txt")));
            await sandbox.CopyOutAsync("/work/repo/empty.txt", Path.Combine(target, "empty-copy.txt"), CancellationToken.None);
            Assert.AreEqual("", File.ReadAllText(Path.Combine(target, "empty-copy.txt")), "empty files copy out too");
            Assert.IsTrue(File.Exists(Path.Combine(target, "empty.txt")));
            Assert.IsFalse(File.Exists(Path.Combine(target, "link")), "links from the sandbox are never materialised on the host");
        }
        finally
        {
            Directory.Delete(source, recursive: true);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    [TestMethod]
    public async Task A_huge_file_written_in_the_sandbox_is_cut_on_its_way_out_without_growing_the_host()
    {
        var factory = await DockerFixture.FactoryAsync();
        var target = Path.Combine(Path.GetTempPath(), $"dgm-out-{Guid.NewGuid():N}");
        var spec = DockerFixture.Spec() with { CopyLimits = new CopyLimits { MaxFileBytes = 1 << 20, MaxTotalBytes = 4 << 20 } };
        try
        {
            await using var sandbox = await factory.StartAsync(spec, CancellationToken.None);
            await RunAsync(sandbox, "mkdir -p /work/out && echo small > /work/out/a.patch && truncate -s 1G /work/out/z-huge.log && echo late > /work/out/zz.txt");
            var before = Environment.WorkingSet;

            var folder = await sandbox.CopyOutAsync("/work/out", target, CancellationToken.None);
            var single = await sandbox.CopyOutAsync("/work/out/z-huge.log", Path.Combine(target, "single.log"), CancellationToken.None);

            Assert.AreEqual("small\n", File.ReadAllText(Path.Combine(target, "a.patch")));
            Assert.AreEqual(1 << 20, new FileInfo(Path.Combine(target, "z-huge.log")).Length);
            Assert.AreEqual(1 << 20, new FileInfo(Path.Combine(target, "single.log")).Length);
            Assert.IsFalse(folder.Complete);
            Assert.IsTrue(folder.Notes.Any(n => n.Contains("z-huge.log: cut at 1048576", StringComparison.Ordinal)), string.Join("; ", folder.Notes));
            Assert.IsTrue(single.Notes.Any(n => n.Contains("stopped at its limit", StringComparison.Ordinal)), string.Join("; ", single.Notes));
            Assert.IsLessThan(200L << 20, Environment.WorkingSet - before, "the host never held the file");
        }
        finally
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    [TestMethod]
    public async Task A_folder_the_sandbox_turned_into_a_link_is_not_followed_on_its_way_out()
    {
        var factory = await DockerFixture.FactoryAsync();
        var target = Path.Combine(Path.GetTempPath(), $"dgm-out-{Guid.NewGuid():N}");
        try
        {
            await using var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);
            await RunAsync(sandbox, "ln -s /etc /work/out && mkdir -p /work/real && ln -s /etc /work/real/inner && echo kept > /work/real/a.patch");

            var linked = await sandbox.CopyOutAsync("/work/out", target, CancellationToken.None);
            var real = await sandbox.CopyOutAsync("/work/real", Path.Combine(target, "real"), CancellationToken.None);

            Assert.AreEqual(0, linked.Files, "nothing of /etc comes out");
            Assert.IsFalse(File.Exists(Path.Combine(target, "passwd")));
            Assert.AreEqual("kept\n", File.ReadAllText(Path.Combine(target, "real", "a.patch")));
            Assert.IsFalse(Directory.Exists(Path.Combine(target, "real", "inner")), "a link inside a folder is not followed either");
        }
        finally
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    [TestMethod]
    public async Task Cancellation_kills_and_removes_the_container_then_throws()
    {
        var factory = await DockerFixture.FactoryAsync();
        var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<OperationCanceledException>(() => sandbox.RunAsync(new CommandRequest("sleep 60", Short), cancel.Token));

        Assert.IsFalse(await ExistsAsync(sandbox.Id));
        await sandbox.DisposeAsync();
    }

    [TestMethod]
    public async Task Disposing_removes_the_container()
    {
        var factory = await DockerFixture.FactoryAsync();
        var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);
        Assert.IsTrue(await ExistsAsync(sandbox.Id));

        await sandbox.DisposeAsync();

        Assert.IsFalse(await ExistsAsync(sandbox.Id));
    }

    [TestMethod]
    public async Task The_reaper_removes_containers_whose_run_died_and_keeps_live_ones()
    {
        var factory = await DockerFixture.FactoryAsync();
        using var client = new DockerClientBuilder().WithEndpoint(DockerSandboxFactory.Endpoint).Build();
        var dead = new SandboxOwner(Environment.MachineName, int.MaxValue - 7, 1);
        var orphan = await client.Containers.CreateContainerAsync(ContainerParameters.Build(DockerFixture.Spec("crashed-run"), dead), CancellationToken.None);
        await using var live = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);

        var reaped = await factory.ReapAsync(CancellationToken.None);

        Assert.IsGreaterThanOrEqualTo(1, reaped);
        Assert.IsFalse(await ExistsAsync(orphan.ID));
        Assert.IsTrue(await ExistsAsync(live.Id));
    }

    [TestMethod]
    public async Task The_reaper_keeps_containers_of_another_live_process_until_it_dies()
    {
        var factory = await DockerFixture.FactoryAsync();
        using var client = new DockerClientBuilder().WithEndpoint(DockerSandboxFactory.Endpoint).Build();
        using var other = System.Diagnostics.Process.Start("sleep", "60");
        var container = await client.Containers.CreateContainerAsync(ContainerParameters.Build(DockerFixture.Spec("other-run"), SandboxOwner.FromProcess(other)), CancellationToken.None);

        await factory.ReapAsync(CancellationToken.None);
        var keptWhileAlive = await ExistsAsync(container.ID);
        other.Kill();
        await other.WaitForExitAsync();
        await factory.ReapAsync(CancellationToken.None);

        Assert.IsTrue(keptWhileAlive, "a live run's sandbox must never be reaped");
        Assert.IsFalse(await ExistsAsync(container.ID));
    }

    private static async Task<bool> ExistsAsync(string id)
    {
        using var client = new DockerClientBuilder().WithEndpoint(DockerSandboxFactory.Endpoint).Build();
        try
        {
            await client.Containers.InspectContainerAsync(id, CancellationToken.None);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }
}
