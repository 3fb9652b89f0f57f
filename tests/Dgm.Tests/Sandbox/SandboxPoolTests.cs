using System.Diagnostics;
using Dgm.Sandbox;
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
