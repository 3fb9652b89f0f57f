using Dgm.Sandbox;
using Dgm.Sandbox.Local;

namespace Dgm.Tests.Sandbox;

/// <summary>The daemon-less backend, with bubblewrap when this machine has it.</summary>
[TestClass]
public sealed class LocalSandboxTests
{
    private static CommandRequest Request(string command, double seconds = 30) => new(command, TimeSpan.FromSeconds(seconds));

    [TestMethod]
    public async Task Runs_commands_in_its_work_folder_and_removes_it_on_dispose()
    {
        var factory = new LocalSandboxFactory(useBubblewrap: false);
        var sandbox = await factory.StartAsync(new SandboxSpec { RunId = "t" }, CancellationToken.None);

        var result = await sandbox.RunAsync(Request("pwd; echo hi > f.txt; cat f.txt"), CancellationToken.None);

        Assert.AreEqual($"{sandbox.WorkDir}\nhi\n", result.Stdout);
        await sandbox.DisposeAsync();
        Assert.IsFalse(Directory.Exists(sandbox.WorkDir));
        StringAssert.Contains(factory.IsolationNote, "WITHOUT bubblewrap");
    }

    [TestMethod]
    public async Task A_timeout_kills_the_process_group_and_is_reported()
    {
        await using var sandbox = await new LocalSandboxFactory(useBubblewrap: false).StartAsync(new SandboxSpec { RunId = "t" }, CancellationToken.None);

        var result = await sandbox.RunAsync(Request("sleep 30 & sleep 30; echo never", 1), CancellationToken.None);

        Assert.IsTrue(result.TimedOut);
        Assert.AreEqual("", result.Stdout);
        Assert.IsLessThan(20.0, result.Duration.TotalSeconds);
    }

    [TestMethod]
    public async Task Copy_in_and_out_stay_inside_the_work_folder()
    {
        await using var sandbox = await new LocalSandboxFactory(useBubblewrap: false).StartAsync(new SandboxSpec { RunId = "t" }, CancellationToken.None);
        var source = Directory.CreateTempSubdirectory("dgm-local-in-").FullName;
        File.WriteAllText(Path.Combine(source, "a.txt"), "alpha");
        try
        {
            await sandbox.CopyInAsync(source, Path.Combine(sandbox.WorkDir, "repo"), CancellationToken.None);
            var result = await sandbox.RunAsync(Request("cat repo/a.txt"), CancellationToken.None);

            Assert.AreEqual("alpha", result.Stdout);
            await Assert.ThrowsExactlyAsync<SandboxException>(() => sandbox.CopyOutAsync("/etc/passwd", Path.Combine(source, "x"), CancellationToken.None));
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_copy_out_cuts_a_huge_file_and_refuses_past_the_total_with_notes()
    {
        var spec = new SandboxSpec { RunId = "t", CopyLimits = new CopyLimits { MaxFileBytes = 1 << 20, MaxTotalBytes = (1 << 20) + 3 } };
        await using var sandbox = await new LocalSandboxFactory(useBubblewrap: false).StartAsync(spec, CancellationToken.None);
        await sandbox.RunAsync(Request("mkdir out && truncate -s 1G out/huge.log && echo late > out/late.txt"), CancellationToken.None);
        var target = Path.Combine(Path.GetTempPath(), $"dgm-local-out-{Guid.NewGuid():N}");
        try
        {
            var report = await sandbox.CopyOutAsync(Path.Combine(sandbox.WorkDir, "out"), target, CancellationToken.None);

            Assert.AreEqual(1 << 20, new FileInfo(Path.Combine(target, "huge.log")).Length);
            Assert.IsTrue(report.Notes.Any(n => n.StartsWith("huge.log: cut at 1048576 of 1073741824", StringComparison.Ordinal)), string.Join("; ", report.Notes));
            Assert.AreEqual((1 << 20) + 3, report.Bytes);
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
    public async Task A_copy_out_of_a_folder_turned_into_a_link_brings_nothing()
    {
        await using var sandbox = await new LocalSandboxFactory(useBubblewrap: false).StartAsync(new SandboxSpec { RunId = "t" }, CancellationToken.None);
        await sandbox.RunAsync(Request("ln -s /etc out"), CancellationToken.None);
        var target = Path.Combine(Path.GetTempPath(), $"dgm-local-out-{Guid.NewGuid():N}");
        try
        {
            var report = await sandbox.CopyOutAsync(Path.Combine(sandbox.WorkDir, "out"), target, CancellationToken.None);

            Assert.AreEqual(0, report.Files);
            Assert.IsFalse(File.Exists(Path.Combine(target, "passwd")));
            Assert.IsTrue(report.Notes.Any(n => n.Contains("a link, not followed", StringComparison.Ordinal)), string.Join("; ", report.Notes));
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
    public async Task With_bubblewrap_there_is_no_network_and_the_system_is_read_only()
    {
        await using var sandbox = await StartWithBubblewrapAsync();
        var result = await sandbox.RunAsync(Request("ls /sys/class/net 2>/dev/null || ip -o link 2>/dev/null || cat /proc/net/dev | tail -n +3 | cut -d: -f1; touch /usr/evil 2>&1; pwd"), CancellationToken.None);

        Assert.DoesNotContain("eth0", result.Stdout);
        StringAssert.Contains(result.Stdout, "Read-only file system");
        StringAssert.Contains(result.Stdout, "/work");
    }

    [TestMethod]
    public async Task A_bubblewrap_command_outlives_the_thread_that_started_it()
    {
        await using var sandbox = await StartWithBubblewrapAsync();
        Task<CommandResult>? pending = null;

        // The way a thread-pool thread retires mid-command: the caller's thread ends right after starting it.
        var caller = new Thread(() => pending = sandbox.RunAsync(Request("sleep 1; echo survived"), CancellationToken.None));
        caller.Start();
        caller.Join();
        var result = await pending!;

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        StringAssert.Contains(result.Stdout, "survived");
    }

    private static async Task<ISandbox> StartWithBubblewrapAsync()
    {
        var factory = new LocalSandboxFactory();
        if (factory.BwrapPath is null)
        {
            Assert.Inconclusive("bubblewrap is not installed (apt-get install bubblewrap); ./scripts/test.sh installs it as root");
        }

        return await factory.StartAsync(new SandboxSpec { RunId = "t" }, CancellationToken.None);
    }
}
