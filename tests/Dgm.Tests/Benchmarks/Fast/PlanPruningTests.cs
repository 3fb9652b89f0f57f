using Dgm.Benchmarks.Grading.Fast;
using Dgm.Tests.Archive;

namespace Dgm.Tests.Benchmarks.Fast;

/// <summary>The plan cache does not grow without bound: stale keys and a killed capture's leftovers go, what may be in use stays.</summary>
[TestClass]
public sealed class PlanPruningTests
{
    [TestMethod]
    public void A_new_capture_removes_the_tasks_stale_keys_and_old_staging_folders_and_keeps_everything_else()
    {
        using var folder = new TempFolder();
        var now = DateTime.UtcNow;
        string Entry(string name, TimeSpan age)
        {
            var path = Path.Combine(folder.Path, name);
            Directory.CreateDirectory(Path.Combine(path, "bin"));
            Directory.SetLastWriteTimeUtc(path, now - age);
            return path;
        }

        var stale = Entry("dgm-bugs__date-range-0123456789abcdef", TimeSpan.FromDays(3));
        var current = Entry("dgm-bugs__date-range-fedcba9876543210", TimeSpan.FromDays(3));
        var recent = Entry("dgm-bugs__date-range-00000000000000aa", TimeSpan.FromHours(2));
        var otherTask = Entry("dgm-bugs__date-range-two-0123456789abcdef", TimeSpan.FromDays(3));
        var visible = Entry("visible-dgm-bugs__date-range-0123456789abcdef", TimeSpan.FromDays(3));
        var killed = Entry(".staging-0f0f", TimeSpan.FromHours(2));
        var capturing = Entry(".staging-1e1e", TimeSpan.FromMinutes(5));

        var removed = BuildPlans.Prune(folder.Path, "dgm-bugs__date-range", "fedcba9876543210", now, TimeSpan.FromDays(1));

        Assert.AreEqual(2, removed);
        Assert.IsFalse(Directory.Exists(stale), "the task under a key unused for days");
        Assert.IsFalse(Directory.Exists(killed), "a killed capture's staging folder");
        Assert.IsTrue(Directory.Exists(current), "the key being captured");
        Assert.IsTrue(Directory.Exists(recent), "another key used lately (another checkout may use it)");
        Assert.IsTrue(Directory.Exists(otherTask), "another task whose id starts the same");
        Assert.IsTrue(Directory.Exists(visible), "the visible builds are pruned by their own prefix");
        Assert.IsTrue(Directory.Exists(capturing), "a capture under way");
        Assert.AreEqual(1, BuildPlans.Prune(folder.Path, "visible-dgm-bugs__date-range", "fedcba9876543210", now, TimeSpan.FromDays(1)));
        Assert.AreEqual(0, BuildPlans.Prune(Path.Combine(folder.Path, "missing"), "x", "y", now, TimeSpan.FromDays(1)));
    }
}
