using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Perf;
using Dgm.Tests.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks.Fast;

/// <summary>The agreement corpus: collecting agent patches from run folders, keeping them, and judging agreement.</summary>
[TestClass]
public sealed class AgreementTests
{
    [TestMethod]
    public void Agent_patches_are_collected_from_run_folders_once_per_task_and_kept_in_the_corpus()
    {
        using var folder = new TempFolder();
        var task = GradingFixture.DateRange;
        var taskFolder = Path.GetFileName(task.Folder);
        Files.Write(folder.Path, $"run/nodes/1/evals/{task.Id}/patch.diff", task.GoldPatch);
        Files.Write(folder.Path, $"run/nodes/2/evals/{task.Id}/patch.diff", task.GoldPatch); // the same patch from another node
        Files.Write(folder.Path, $"run/nodes/2/holdout/{task.Id}/patch.diff", "diff --git a/x b/x\n");
        Files.Write(folder.Path, $"run/nodes/3/evals/{task.Id}/patch.diff", "  \n"); // empty: the corpus has the empty patch once
        Files.Write(folder.Path, "run/nodes/3/evals/no-such-task/patch.diff", task.GoldPatch);

        var collected = Agreement.AgentPatches([Path.Combine(folder.Path, "run")], [task]);

        Assert.HasCount(2, collected);
        Assert.IsTrue(collected.All(p => p.Kind == "agent" && p.Task.Id == task.Id));
        var corpus = Path.Combine(folder.Path, "corpus");
        Assert.AreEqual(2, Agreement.Save(collected, corpus));
        Assert.AreEqual(0, Agreement.Save(collected, corpus), "a kept patch is not written twice");
        Assert.HasCount(2, Directory.GetFiles(Path.Combine(corpus, taskFolder), "*.patch"));
        CollectionAssert.AreEquivalent(collected.Select(p => p.Hash).ToList(), Agreement.AgentPatches([corpus], [task]).Select(p => p.Hash).ToList());
    }

    [TestMethod]
    public void A_missing_folder_is_an_error_naming_it()
    {
        var error = Assert.ThrowsExactly<DirectoryNotFoundException>(() => Agreement.AgentPatches(["/no/such/run"], [GradingFixture.DateRange]));
        StringAssert.Contains(error.Message, "/no/such/run");
    }

    [TestMethod]
    public void Verdicts_agree_only_when_the_status_and_every_test_status_are_equal()
    {
        var task = GradingFixture.DateRange;
        var patch = new CorpusPatch(task, "gold", "gold.patch", task.GoldPatch);
        TaskReport Report(GradeStatus status, TestStatus test, string by) => new()
        {
            InstanceId = task.Id,
            Status = status,
            GradedBy = by,
            Tests = new Dictionary<string, TestStatus> { ["A"] = TestStatus.Passed, ["B"] = test },
        };

        var same = new AgreementRow(patch, Report(GradeStatus.Unresolved, TestStatus.Failed, "full"), Report(GradeStatus.Unresolved, TestStatus.Failed, "fast"));
        var otherTest = new AgreementRow(patch, Report(GradeStatus.Unresolved, TestStatus.Failed, "full"), Report(GradeStatus.Unresolved, TestStatus.Missing, "fast"));
        var otherStatus = new AgreementRow(patch, Report(GradeStatus.Resolved, TestStatus.Passed, "full"), Report(GradeStatus.Unresolved, TestStatus.Passed, "fast"));

        Assert.IsTrue(same.Agrees);
        Assert.IsFalse(otherTest.Agrees);
        StringAssert.Contains(otherTest.Difference, "B: Failed vs Missing");
        Assert.IsFalse(otherStatus.Agrees);
        var table = Agreement.Markdown([same, otherTest, otherStatus], "dgm-bugs");
        StringAssert.Contains(table, "3 patches, 1 equal verdicts");
        StringAssert.Contains(table, "DISAGREES");
    }
}
