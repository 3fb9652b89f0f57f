using Dgm.Benchmarks.Perf;

namespace Dgm.Tests.Benchmarks;

[TestClass]
public sealed class PerfTableTests
{
    [TestMethod]
    public void A_measure_with_an_absolute_target_and_no_baseline_run_shows_no_ratio_and_is_judged_by_its_time()
    {
        var slow = new PerfPair("P7", "one iteration", "not run", [360.0], [], double.PositiveInfinity) { AbsoluteTargetSeconds = 300 };
        var fast = slow with { OursSeconds = [290.0] };

        var table = HarnessPerf.Markdown([slow, fast], "2 cores", 1);

        var rows = table.Split('\n').Where(l => l.StartsWith("| P7", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(2, rows);
        StringAssert.Contains(rows[0], "| 360.000 | - | - | ≤ 300.0 s median | NOT met |");
        StringAssert.Contains(rows[1], "| 290.000 | - | - | ≤ 300.0 s median | met |");
    }

    [TestMethod]
    public void A_ratio_target_compares_the_medians_of_both_sides()
    {
        var pair = new PerfPair("grading", "ours", "bare", [1.0, 3.0, 2.0], [10.0, 30.0, 20.0], 0.125);

        Assert.AreEqual(0.1, pair.Ratio, 1e-9);
        Assert.IsTrue(pair.MeetsTarget);
        StringAssert.Contains(HarnessPerf.Markdown([pair], "2 cores", 3), "| 2.000 | 20.000 | 0.10x | ≤ 0.125x | met |");
    }
}
