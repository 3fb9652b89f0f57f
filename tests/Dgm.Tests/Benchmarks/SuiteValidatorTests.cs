using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Benchmarks.Validation;

namespace Dgm.Tests.Benchmarks;

[TestClass]
public sealed class SuiteValidatorTests
{
    private static readonly BenchTask Task = new("/nowhere", new TaskSpec
    {
        InstanceId = "s__t",
        TestCommand = ["dotnet", "test"],
        FailToPass = ["F"],
        PassToPass = ["P"],
    });

    private static TaskReport Run(GradeStatus status, TestStatus f, TestStatus p) => new()
    {
        InstanceId = "s__t",
        Status = status,
        Tests = new Dictionary<string, TestStatus> { ["F"] = f, ["P"] = p },
    };

    private static readonly TaskReport GoldOk = Run(GradeStatus.Resolved, TestStatus.Passed, TestStatus.Passed);
    private static readonly TaskReport EmptyOk = Run(GradeStatus.Unresolved, TestStatus.Failed, TestStatus.Passed);

    [TestMethod]
    public void Valid_when_gold_resolves_twice_and_empty_fails_only_the_fail_to_pass_tests() =>
        Assert.IsTrue(SuiteValidator.Judge(Task, [GoldOk, GoldOk, EmptyOk]).Valid);

    [TestMethod]
    public void Unstable_when_the_gold_runs_disagree()
    {
        var verdict = SuiteValidator.Judge(Task, [GoldOk, Run(GradeStatus.Unresolved, TestStatus.Failed, TestStatus.Passed), EmptyOk]);

        Assert.IsFalse(verdict.Valid);
        Assert.IsTrue(verdict.Problems.Any(p => p.Contains("unstable", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Invalid_when_the_empty_patch_passes_everything() =>
        Assert.IsFalse(SuiteValidator.Judge(Task, [GoldOk, GoldOk, Run(GradeStatus.EmptyPatch, TestStatus.Passed, TestStatus.Passed)]).Valid);

    [TestMethod]
    public void Invalid_when_a_pass_to_pass_test_fails_without_the_fix() =>
        Assert.IsFalse(SuiteValidator.Judge(Task, [GoldOk, GoldOk, Run(GradeStatus.Unresolved, TestStatus.Failed, TestStatus.Failed)]).Valid);

    [TestMethod]
    public void Invalid_when_no_test_ran_without_the_fix() =>
        Assert.IsFalse(SuiteValidator.Judge(Task, [GoldOk, GoldOk, new TaskReport { InstanceId = "s__t", Status = GradeStatus.Error }]).Valid);

    [TestMethod]
    public void Run_report_counts_empty_patches_as_attempted_and_leaves_skipped_tasks_out()
    {
        var report = new RunReport([
            new TaskReport { InstanceId = "a", Status = GradeStatus.Resolved },
            new TaskReport { InstanceId = "b", Status = GradeStatus.EmptyPatch },
            new TaskReport { InstanceId = "c", Status = GradeStatus.Skipped },
            new TaskReport { InstanceId = "d", Status = GradeStatus.Error },
        ]);

        Assert.AreEqual(3, report.Attempted);
        Assert.AreEqual(1.0 / 3, report.Score, 1e-9);
        CollectionAssert.AreEqual(new[] { "b" }, report.EmptyPatchIds.ToArray());
        CollectionAssert.AreEqual(new[] { "c" }, report.SkippedIds.ToArray());
        CollectionAssert.AreEqual(new[] { "d" }, report.ErrorIds.ToArray());
    }
}
