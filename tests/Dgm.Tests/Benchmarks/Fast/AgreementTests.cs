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
    public async Task The_edits_an_offline_repair_tried_become_patches_that_apply_to_the_task_and_a_hostile_log_gives_none()
    {
        using var folder = new TempFolder();
        var task = GradingFixture.DateRange;
        var file = "src/Ranges/DateRange.cs";
        var text = File.ReadAllText(Path.Combine(task.RepoDir, file));
        var at = text.IndexOf("- Start.DayNumber", StringComparison.Ordinal);
        var last = text.TrimEnd().Length - 1;
        string Edit(string path, int start, int length, string replacement) =>
            $$"""{"file": "{{path}}", "start": {{start}}, "length": {{length}}, "text": "{{replacement}}", "verdict": "fails", "operator": "x"}""";
        Files.Write(folder.Path, $"run/nodes/1/evals/{task.Id}/trajectory.json", $$"""
            {"stop_reason": "budget", "candidates": [
              {{Edit(file, at, 17, "- Start.DayNumber + 1")}},
              {{Edit(file, at, 17, "- Start.DayNumber + 1")}},
              {{Edit(file, last, 1, "}\\n// end")}},
              {{Edit(file, 0, 0, "")}},
              {{Edit("../../../../etc/passwd", 0, 1, "x")}},
              {{Edit(file, text.Length, 5, "x")}},
              {{Edit("src/Ranges/Missing.cs", 0, 0, "x")}}
            ], "notes": []}
            """);
        Files.Write(folder.Path, $"run/nodes/2/evals/{task.Id}/trajectory.json", "{ not json");
        Files.Write(folder.Path, $"run/nodes/3/evals/{task.Id}/trajectory.json", """{"candidates": [{"file": 3}]}""");

        var collected = Agreement.AgentPatches([Path.Combine(folder.Path, "run")], [task]);

        Assert.HasCount(2, collected, "the same edit once; no empty edit, no file outside the repository or missing, no span beyond the file, nothing from a garbled log");
        Assert.IsTrue(collected.All(p => p.Kind == "candidate"));
        foreach (var patch in collected)
        {
            using var repo = new TempFolder();
            Dgm.Sandbox.FileTree.Copy(task.RepoDir, repo.Path, followLinks: false);
            File.WriteAllText(Path.Combine(repo.Path, "edit.patch"), patch.Patch);
            var check = await AgentProcess.RunToolAsync("git", ["apply", "--check", "edit.patch"], repo.Path);
            Assert.AreEqual(0, check.Exit, $"{check.Output}\n{patch.Patch}");
        }

        StringAssert.Contains(collected[0].Patch, "+    public int Days => End.DayNumber - Start.DayNumber + 1;");
        var corpus = Path.Combine(folder.Path, "corpus");
        Assert.AreEqual(2, Agreement.Save(collected, corpus));
        Assert.IsTrue(Agreement.AgentPatches([corpus], [task]).All(p => p.Kind == "candidate"), "kept candidates stay candidates");
    }

    [TestMethod]
    public void A_limited_sample_takes_from_every_task_and_kind_in_turn_and_is_the_same_each_time()
    {
        var date = GradingFixture.DateRange;
        var other = date with { Spec = date.Spec with { InstanceId = "other-task" } };
        var patches = Enumerable.Range(0, 6).Select(i => new CorpusPatch(date, "candidate", $"c{i}", $"patch {i}"))
            .Append(new CorpusPatch(date, "agent", "a", "final"))
            .Append(new CorpusPatch(other, "candidate", "o", "other"))
            .ToList();

        var sample = Agreement.Spread(patches, 4).ToList();

        Assert.HasCount(4, sample);
        Assert.AreEqual(1, sample.Count(p => p.Kind == "agent"));
        Assert.AreEqual(1, sample.Count(p => p.Task.Id == "other-task"));
        CollectionAssert.AreEqual(sample, Agreement.Spread(Enumerable.Reverse(patches), 4).ToList(), "the same corpus in another order gives the same sample");
        Assert.HasCount(8, Agreement.Spread(patches, 100).ToList());
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
