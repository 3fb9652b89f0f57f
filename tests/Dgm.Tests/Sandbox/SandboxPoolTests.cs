using System.Diagnostics;
using Dgm.Sandbox;
using Dgm.Sandbox.Local;
using Dgm.Tests.Support;

namespace Dgm.Tests.Sandbox;

/// <summary>The pool of pre-started sandboxes, against the real daemon: ready ones are fresh, used once, and all removed.</summary>
[TestClass]
public sealed class SandboxPoolTests
{
    [TestMethod]
    public async Task A_pre_started_sandbox_is_handed_out_once_fresh_and_every_container_is_removed_with_the_pool()
    {
        var runId = $"pool-{Guid.NewGuid():N}"[..20];
        var spec = DockerFixture.Spec(runId);
        var pool = new SandboxPool(await DockerFixture.FactoryAsync()) { PerSpec = 1, OwnsInner = false };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using (pool)
        {
            for (var i = 0; i < 4; i++)
            {
                if (i >= 2)
                {
                    await WaitForAsync(() => pool.Idle > 0);
                }

                await using var sandbox = await pool.StartAsync(spec, CancellationToken.None);
                Assert.IsTrue(seen.Add(sandbox.Id), "a sandbox is never handed out twice");
                var marker = await sandbox.RunAsync(new CommandRequest("test -e /work/used && echo used; touch /work/used", TimeSpan.FromSeconds(30)), CancellationToken.None);
                Assert.AreEqual("", marker.Stdout, "every sandbox handed out is fresh");
            }

            Assert.AreEqual(2, pool.Misses, "the first two requests start their own; the second asks for one to be kept ready");
            Assert.AreEqual(2, pool.Hits);
            var other = await pool.StartAsync(spec with { Environment = new Dictionary<string, string> { ["X"] = "1" } }, CancellationToken.None);
            Assert.IsFalse(seen.Contains(other.Id), "a ready sandbox of another spec is not handed out");
            await other.DisposeAsync();
            await Assert.ThrowsExactlyAsync<ObjectDisposedException>(() => other.RunAsync(new CommandRequest("true", TimeSpan.FromSeconds(30)), CancellationToken.None), "a disposed sandbox is refused while the pool removes it");
        }

        Assert.AreEqual(0, await ContainersAsync(runId), "the pool removes its idle sandboxes when disposed");
    }

    [TestMethod]
    public async Task A_sandbox_kept_ready_too_long_is_removed_and_never_handed_out()
    {
        var runId = $"pool-{Guid.NewGuid():N}"[..20];
        var spec = DockerFixture.Spec(runId);
        var pool = new SandboxPool(await DockerFixture.FactoryAsync()) { PerSpec = 1, OwnsInner = false, MaxIdleAge = TimeSpan.FromMilliseconds(300) };
        await using (pool)
        {
            await (await pool.StartAsync(spec, CancellationToken.None)).DisposeAsync();
            await (await pool.StartAsync(spec, CancellationToken.None)).DisposeAsync();
            await WaitForAsync(() => pool.Idle > 0);
            await Task.Delay(600);

            await using var late = await pool.StartAsync(spec, CancellationToken.None);

            Assert.AreEqual(0, pool.Hits, "the one kept too long is not handed out");
            Assert.AreEqual(3, pool.Misses);
        }

        Assert.AreEqual(0, await ContainersAsync(runId));
    }

    [TestMethod]
    public async Task Announced_requests_are_started_before_they_come_and_none_is_kept_past_the_last()
    {
        var pool = new SandboxPool(new LocalSandboxFactory(useBubblewrap: false)) { PerSpec = 2 };
        var spec = new SandboxSpec { RunId = "t", PoolWarmUp = "echo warm > warm.txt" };
        await using (pool)
        {
            pool.Expect(spec, 3);
            await WaitForAsync(() => pool.Idle == 2);

            var handed = new List<ISandbox>();
            for (var i = 0; i < 3; i++)
            {
                await WaitForAsync(() => pool.Idle > 0);
                handed.Add(await pool.StartAsync(spec, CancellationToken.None));
            }

            Assert.AreEqual(3, pool.Hits, "every announced request finds one ready, the first too");
            Assert.AreEqual(0, pool.Misses);
            Assert.IsTrue(handed.All(h => File.Exists(Path.Combine(h.WorkDir, "warm.txt"))), "each was warmed up");
            await Task.Delay(500);
            Assert.AreEqual(0, pool.Idle, "nothing is started, or kept, past the last announced request");
            foreach (var sandbox in handed)
            {
                await sandbox.DisposeAsync();
            }
        }
    }

    [TestMethod]
    public async Task Past_its_cap_of_removals_under_way_a_used_sandbox_is_removed_on_its_users_path()
    {
        // Real local sandboxes whose removal waits on a gate: a daemon too slow to keep up.
        var slow = new SlowRemovals(new LocalSandboxFactory(useBubblewrap: false));
        var pool = new SandboxPool(slow) { PerSpec = 0, MaxIdle = 0, MaxPendingRemovals = 2 };
        var spec = new SandboxSpec { RunId = "t" };
        await using (pool)
        {
            var used = new List<ISandbox>();
            for (var i = 0; i < 3; i++)
            {
                used.Add(await pool.StartAsync(spec, CancellationToken.None));
            }

            var first = used[0].DisposeAsync().AsTask();
            var second = used[1].DisposeAsync().AsTask();
            Assert.IsTrue(first.IsCompleted, "the first removal is in the background");
            Assert.IsTrue(second.IsCompleted, "so is the second");
            var third = used[2].DisposeAsync().AsTask();
            await Task.Delay(200);
            Assert.IsFalse(third.IsCompleted, "the third waits for its own removal: two are under way");

            slow.Gate.SetResult();
            await third;
            await WaitForAsync(() => slow.Removed == 3);
            Assert.IsTrue(used.All(s => !Directory.Exists(s.WorkDir)), "every used sandbox is removed");
        }
    }

    private sealed class SlowRemovals(ISandboxFactory inner) : ISandboxFactory
    {
        private int _removed;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Removed => _removed;

        public string Kind => inner.Kind;

        public string IsolationNote => inner.IsolationNote;

        public async Task<ISandbox> StartAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
            new Slow(await inner.StartAsync(spec, cancellationToken), this);

        private sealed class Slow(ISandbox sandbox, SlowRemovals owner) : ISandbox
        {
            public string Id => sandbox.Id;

            public string WorkDir => sandbox.WorkDir;

            public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) => sandbox.RunAsync(request, cancellationToken);

            public Task CopyInAsync(string hostPath, string sandboxPath, CancellationToken cancellationToken) => sandbox.CopyInAsync(hostPath, sandboxPath, cancellationToken);

            public Task CopyInAsync(IReadOnlyList<CopyIn> items, CancellationToken cancellationToken) => sandbox.CopyInAsync(items, cancellationToken);

            public Task<CopyReport> CopyOutAsync(string sandboxPath, string hostPath, CancellationToken cancellationToken) => sandbox.CopyOutAsync(sandboxPath, hostPath, cancellationToken);

            public async ValueTask DisposeAsync()
            {
                await owner.Gate.Task;
                await sandbox.DisposeAsync();
                Interlocked.Increment(ref owner._removed);
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.IsLessThan(60.0, clock.Elapsed.TotalSeconds, "no sandbox became ready within a minute");
            await Task.Delay(50);
        }
    }

    private static async Task<int> ContainersAsync(string runId)
    {
        var start = new ProcessStartInfo("docker", ["ps", "-aq", "--filter", $"label={SandboxDefaults.RunLabel}={runId}"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
