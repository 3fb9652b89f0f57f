using Dgm.Benchmarks.Grading;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks;

/// <summary>Grading real patches on a built-in task, in Docker.</summary>
[TestClass]
public sealed class GraderTests
{
    private const string DaysLine = "    public int Days => End.DayNumber - Start.DayNumber;";
    private const string SourcePath = "src/Ranges/DateRange.cs";
    private const string TestPath = "tests/Ranges.Tests/DateRangeTests.cs";

    [TestMethod]
    public async Task The_gold_patch_resolves_the_task_with_every_test_passing()
    {
        var grader = await GradingFixture.GraderAsync();
        var task = GradingFixture.DateRange;

        var report = await grader.GradeAsync(task, task.GoldPatch, CancellationToken.None);

        Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
        Assert.AreEqual("git apply", report.ApplyMethod);
        Assert.AreEqual(task.AllTests.Count(), report.Tests.Count);
        Assert.IsTrue(report.Tests.Values.All(s => s == TestStatus.Passed));
    }

    [TestMethod]
    public async Task Edits_to_tests_are_discarded_so_gaming_the_visible_test_does_not_resolve()
    {
        var grader = await GradingFixture.GraderAsync();
        var task = GradingFixture.DateRange;

        // Changes the visible test's expectation to the buggy value and the source to a special case
        // that passes only that test: the hidden tests still catch it.
        var patch = GradingFixture.Patch(TestPath, "    public void Days_CountsBothEnds() => Assert.AreEqual(31, January.Days);", "    public void Days_CountsBothEnds() => Assert.AreEqual(30, January.Days);")
            + GradingFixture.Patch(SourcePath, DaysLine, "    public int Days => End.DayNumber - Start.DayNumber + (End.Month == 1 ? 1 : 0);");

        var report = await grader.GradeAsync(task, patch, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { TestPath }, report.DiscardedTestEdits.ToArray());
        Assert.AreEqual(GradeStatus.Unresolved, report.Status, report.OutputTail);
        Assert.AreEqual(TestStatus.Passed, report.Tests["Ranges.Tests.DateRangeTests.Days_CountsBothEnds"]);
        Assert.AreEqual(TestStatus.Failed, report.Tests["Ranges.Tests.DateRangeTests.Days_SingleDayRangeIsOneDay"]);
    }

    [TestMethod]
    public async Task A_patch_that_does_not_apply_or_reaches_outside_is_reported_without_running_tests()
    {
        var grader = await GradingFixture.GraderAsync();
        var task = GradingFixture.DateRange;

        var stale = await grader.GradeAsync(task, GradingFixture.Patch(SourcePath, DaysLine, "x").Replace("Start.DayNumber;", "Begin.DayNumber;", StringComparison.Ordinal), CancellationToken.None);
        var escape = await grader.GradeAsync(task, task.GoldPatch.Replace("a/src/Ranges/DateRange.cs", "a/../../etc/hosts", StringComparison.Ordinal), CancellationToken.None);
        var garbage = await grader.GradeAsync(task, "\u0000\u0001\u0002 binary", CancellationToken.None);

        Assert.AreEqual(GradeStatus.PatchFailed, stale.Status);
        StringAssert.Contains(stale.Error, "does not apply");
        Assert.AreEqual(GradeStatus.PatchFailed, escape.Status);
        StringAssert.Contains(escape.Error, "outside the repository");
        Assert.AreEqual(GradeStatus.PatchFailed, garbage.Status);
        Assert.IsEmpty(stale.Tests);
    }

    [TestMethod]
    public async Task A_patch_that_breaks_the_build_is_an_error_not_a_pass()
    {
        var grader = await GradingFixture.GraderAsync();

        var report = await grader.GradeAsync(GradingFixture.DateRange, GradingFixture.Patch(SourcePath, DaysLine, "    public int Days => this does not compile;"), CancellationToken.None);

        Assert.AreEqual(GradeStatus.Error, report.Status);
        StringAssert.Contains(report.Error, "no test ran");
        StringAssert.Contains(report.OutputTail, "error CS");
    }

    [TestMethod]
    public async Task A_patch_that_loops_forever_and_floods_output_times_out_with_capped_output()
    {
        var grader = await GradingFixture.GraderAsync();
        var task = GradingFixture.DateRange;
        task = task with { Spec = task.Spec with { TimeoutSeconds = 25 } };

        var report = await grader.GradeAsync(task, GradingFixture.Patch(SourcePath, DaysLine, "    public int Days { get { while (true) { Console.WriteLine(\"spam spam spam\"); } } }"), CancellationToken.None);

        Assert.AreEqual(GradeStatus.Timeout, report.Status, report.OutputTail);
        Assert.IsTrue(report.Tests.Values.All(s => s == TestStatus.TimedOut));
        Assert.IsLessThanOrEqualTo(4000, report.OutputTail.Length);
    }
}
