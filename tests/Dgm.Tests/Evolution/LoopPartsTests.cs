using System.Text.Json;
using Dgm.Archive;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Runs;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>The outer loop's pure parts: task plans, the evals contract, trajectories, approvals.</summary>
[TestClass]
public sealed class LoopPartsTests
{
    private static readonly Suite Bugs = Suite.Load(Path.Combine(Repo.Suites, "dgm-bugs"));

    [TestMethod]
    public void The_stage_plan_is_fixed_by_the_seed_disjoint_and_keeps_holdout_apart()
    {
        var options = new EvolutionOptions { RunDir = "x", Seed = 5, Stage1Tasks = 4, Stage2Tasks = 6, HoldoutTasks = 3 };

        var a = StagePlan.Create(Bugs, options);
        var b = StagePlan.Create(Bugs, options);
        var other = StagePlan.Create(Bugs, options with { Seed = 6 });

        CollectionAssert.AreEqual(a.Stage1.Select(t => t.Id).ToList(), b.Stage1.Select(t => t.Id).ToList());
        CollectionAssert.AreNotEqual(a.Stage1.Concat(a.Stage2).Select(t => t.Id).ToList(), other.Stage1.Concat(other.Stage2).Select(t => t.Id).ToList());
        Assert.AreEqual(4, a.Stage1.Count);
        Assert.AreEqual(6, a.Stage2.Count);
        Assert.AreEqual(3, a.Holdout.Count);
        var train = a.Stage1.Concat(a.Stage2).Concat(a.Rest).ToList();
        Assert.AreEqual(Bugs.Split("train").Count(), train.Select(t => t.Id).Distinct().Count());
        Assert.IsTrue(train.All(t => t.Spec.Tags.Split == "train"));
        Assert.IsTrue(a.Holdout.All(t => t.Spec.Tags.Split == "holdout"));
    }

    [TestMethod]
    public void Train_score_counts_empty_patches_as_attempted_and_leaves_out_holdout_and_skipped()
    {
        TaskOutcome[] results =
        [
            new("a", "train", 1, "resolved", true, true, "plausible_patch", 1),
            new("b", "train", 1, "empty_patch", false, false, "no_failing_test", 1),
            new("c", "train", 1, "skipped", false, false, null, 0),
            new("d", "holdout", 0, "resolved", true, true, null, 1),
        ];

        Assert.AreEqual(0.5, NodeEvaluator.TrainScore(results));
        Assert.IsNull(NodeEvaluator.TrainScore([]));
    }

    [TestMethod]
    public async Task The_evals_summary_self_improvement_reads_leaves_out_holdout()
    {
        var dir = Directory.CreateTempSubdirectory("dgm-evals-").FullName;
        try
        {
            var node = new Node
            {
                Id = "0",
                Results = [new("a", "train", 1, "resolved", true, true, "plausible_patch", 1), new("h", "holdout", 0, "unresolved", false, true, "plausible_patch", 1)],
            };

            await EvalLogs.WriteSummaryAsync(dir, node, new Dictionary<string, Dgm.Benchmarks.Grading.TaskReport>(), CancellationToken.None);

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            CollectionAssert.AreEqual(new[] { "a" }, summary.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("task").GetString()).ToArray());
            Assert.AreNotEqual(new RunFolder("/r").EvalsDir("0"), new RunFolder("/r").HoldoutDir("0"), "holdout task logs live apart from the evals folder");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void The_lineage_logs_a_child_reads_are_its_ancestors_train_tasks_nearest_first_never_holdout()
    {
        var root = Directory.CreateTempSubdirectory("dgm-lineage-").FullName;
        try
        {
            var folder = new RunFolder(root);
            foreach (var id in new[] { "0", "1" })
            {
                var evals = Directory.CreateDirectory(folder.EvalsDir(id)).FullName;
                File.WriteAllText(Path.Combine(evals, "summary.json"), "{}");
                foreach (var task in new[] { "a", "b", "holdout-task" })
                {
                    Directory.CreateDirectory(Path.Combine(evals, task));
                    File.WriteAllText(Path.Combine(evals, task, "problem.md"), task);
                }
            }

            Directory.CreateDirectory(folder.NodeDir("2")); // never evaluated: no summary
            var copies = EvalLogs.LineageCopies(folder, ["2", "1", "0"], new HashSet<string> { "a", "b" }, "/work/lineage");

            CollectionAssert.AreEqual(
                new[] { "/work/lineage/02-1/summary.json", "/work/lineage/02-1/a", "/work/lineage/02-1/b", "/work/lineage/03-0/summary.json", "/work/lineage/03-0/a", "/work/lineage/03-0/b" },
                copies.Select(c => c.SandboxPath).ToArray());
            Assert.IsFalse(copies.Any(c => c.HostPath.Contains("holdout", StringComparison.Ordinal)), "a folder that is not a train task's is never copied");
            Assert.AreEqual(folder.EvalsDir("1"), Path.GetDirectoryName(copies[0].HostPath));

            var deep = Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? "0" : "1").ToList();
            Assert.AreEqual(EvalLogs.LineageDepth, EvalLogs.LineageCopies(folder, deep, new HashSet<string>(), "/l").Count, "no deeper than the lineage depth");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void A_child_is_improved_by_its_parents_build_unless_the_improver_is_frozen_at_the_seeds()
    {
        var folder = new RunFolder("/r");
        var parent = new Node { Id = "4", ParentId = "2" };
        var options = new EvolutionOptions { RunDir = "/r" };

        Assert.AreEqual("evolving", options.Improver);
        Assert.AreEqual(folder.BuildDir("4"), ChildPipeline.ImproverBuild(folder, options, parent));
        Assert.AreEqual(folder.BuildDir("0"), ChildPipeline.ImproverBuild(folder, options with { Improver = "frozen" }, parent));
    }

    [TestMethod]
    public async Task The_evals_summary_follows_the_improve_contract()
    {
        var dir = Directory.CreateTempSubdirectory("dgm-evals-").FullName;
        try
        {
            var node = new Node { Id = "3", Score = 0.5, Results = [new("a", "train", 1, "unresolved", false, true, "plausible_patch", 2.5)] };
            var grade = new Dgm.Benchmarks.Grading.TaskReport
            {
                InstanceId = "a",
                Status = Dgm.Benchmarks.Grading.GradeStatus.Unresolved,
                Tests = new Dictionary<string, Dgm.Benchmarks.Grading.TestStatus> { ["T.Ok"] = Dgm.Benchmarks.Grading.TestStatus.Passed, ["T.Bad"] = Dgm.Benchmarks.Grading.TestStatus.Failed },
            };

            await EvalLogs.WriteSummaryAsync(dir, node, new Dictionary<string, Dgm.Benchmarks.Grading.TaskReport> { ["a"] = grade }, CancellationToken.None);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            var task = json.RootElement.GetProperty("tasks")[0];
            Assert.AreEqual("3", json.RootElement.GetProperty("node").GetString());
            Assert.AreEqual("a", task.GetProperty("task").GetString());
            Assert.AreEqual("unresolved", task.GetProperty("status").GetString());
            Assert.AreEqual("plausible_patch", task.GetProperty("stop_reason").GetString());
            CollectionAssert.AreEqual(new[] { "T.Bad" }, task.GetProperty("failed_tests").EnumerateArray().Select(e => e.GetString()).ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void A_trajectory_gives_the_diagnosis_and_garbage_gives_nothing()
    {
        var (stop, diagnosis, problem) = SelfImprover.Parse("""
            {"stop_reason": "improved", "problem_statement": "Add a null guard operator.",
             "diagnosis": {"log_summarization": "s", "potential_improvements": "p", "improvement_proposal": "i", "implementation_suggestion": "m", "problem_description": "d"}}
            """);
        var garbage = SelfImprover.Parse("not json {");

        Assert.AreEqual("improved", stop);
        Assert.AreEqual(new Diagnosis("s", "p", "i", "m", "d"), diagnosis);
        Assert.AreEqual("Add a null guard operator.", problem);
        Assert.AreEqual((null, null, null), garbage);
    }

    [TestMethod]
    public void Only_a_pending_node_can_be_approved_or_rejected()
    {
        var pending = new Node { Id = "4", Status = NodeStatus.PendingApproval };

        Assert.AreEqual(NodeStatus.Valid, Approvals.Apply(pending, approve: true).Status);
        Assert.AreEqual(NodeStatus.Rejected, Approvals.Apply(pending, approve: false).Status);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Approvals.Apply(pending with { Status = NodeStatus.Valid }, approve: true));
        StringAssert.Contains(error.Message, "not pending");
    }

    [TestMethod]
    public void A_source_hash_ignores_builds_and_git_but_sees_any_source_change()
    {
        var dir = Directory.CreateTempSubdirectory("dgm-hash-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "A.cs"), "class A {}");
            var before = ChildPipeline.SourceHash(dir);
            Directory.CreateDirectory(Path.Combine(dir, "bin"));
            File.WriteAllText(Path.Combine(dir, "bin", "x.dll"), "binary");
            Assert.AreEqual(before, ChildPipeline.SourceHash(dir));
            File.WriteAllText(Path.Combine(dir, "A.cs"), "class A { }");
            Assert.AreNotEqual(before, ChildPipeline.SourceHash(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Each_budget_ends_the_run_with_its_reason_and_none_while_all_have_room()
    {
        var options = new EvolutionOptions { RunDir = "x", MaxEvaluations = 3, MaxCostDollars = 1.0, MaxWallMinutes = 60 };
        var outcome = new TaskOutcome("t", "train", 1, "resolved", true, true, null, 1);
        Node[] two = [new() { Id = "0", Results = [outcome, outcome] }];
        Node[] three = [new() { Id = "0", Results = [outcome, outcome] }, new() { Id = "1", Results = [outcome], CostDollars = 0.25 }];

        Assert.IsNull(RunBudget.Reached(options, two, 0.5, TimeSpan.FromMinutes(5)));
        StringAssert.Contains(RunBudget.Reached(options, three, 0, TimeSpan.Zero), "evaluation budget (3 of 3");
        StringAssert.Contains(RunBudget.Reached(options, two, 1.0, TimeSpan.Zero), "cost budget");
        StringAssert.Contains(RunBudget.Reached(options with { MaxEvaluations = null, MaxCostDollars = 0.7 }, three, 0.5, TimeSpan.Zero), "cost budget ($0.75", "cost recorded on nodes (a resumed run) counts too");
        StringAssert.Contains(RunBudget.Reached(options, two, 0, TimeSpan.FromMinutes(61)), "wall-time budget");
        Assert.IsNull(RunBudget.Reached(new EvolutionOptions { RunDir = "x" }, three, 100, TimeSpan.FromDays(1)), "no budget set: only --iterations ends the run");
    }

    [TestMethod]
    public void The_runtime_every_agent_builds_against_is_the_one_beside_the_seeds_source_and_not_in_its_genome()
    {
        var agent = Path.Combine(Repo.Root, "agent");
        Assert.AreEqual(Path.Combine(Repo.Root, "runtime"), AgentRuntime.Beside(agent));
        Assert.AreEqual(Path.Combine(Repo.Root, "runtime"), AgentRuntime.Beside(agent + "/"), "a trailing slash");
        StringAssert.Contains(File.ReadAllText(Path.Combine(agent, "Dgm.Agent.csproj")), "../runtime/Dgm.Agent.Runtime.csproj", "the agent references the runtime where the harness puts it");
        Assert.IsFalse(Directory.EnumerateFiles(agent, "*.cs", SearchOption.AllDirectories).Any(f => Path.GetFileName(f) is "TestHost.cs" or "TestWorker.cs" or "VisibleTests.cs" or "Warm.cs"), "the runtime's code is not in the genome");

        var work = Directory.CreateTempSubdirectory("dgm-runtime-").FullName;
        try
        {
            var custom = Directory.CreateDirectory(Path.Combine(work, "my-agent")).FullName;
            Assert.IsNull(AgentRuntime.Beside(custom), "an agent with no runtime beside it builds alone");
            Directory.CreateDirectory(Path.Combine(work, "runtime"));
            Assert.IsNull(AgentRuntime.Beside(custom), "a folder named runtime without the runtime's project is not one");
            Assert.IsNull(AgentRuntime.Beside(null));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
