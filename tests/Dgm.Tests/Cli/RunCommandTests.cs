using System.Text.Json;
using Dgm.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Cli;

/// <summary>`dgm tree|show|diff|report|approve|reject` on a real run folder (LiteDB archive and git lineage).</summary>
[TestClass]
public sealed class RunCommandTests
{
    private static Task<(int Exit, string Output, string Error)> DgmAsync(params string[] args) => DgmCli.RunAsync(args);

    /// <summary>A seed, a valid child that changed one file, an invalid child, and a child pending approval.</summary>
    private static string MakeRun()
    {
        var run = Directory.CreateTempSubdirectory("dgm-run-").FullName;
        var source = Path.Combine(run, "src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "Agent.cs"), "class Agent\n{\n    int Steps = 40;\n}\n");
        var now = DateTimeOffset.UtcNow;
        using var store = ArchiveStore.Open(run);
        using var lineage = Lineage.Open(run);
        Node[] nodes =
        [
            new() { Id = "0", Status = NodeStatus.Valid, Score = 0.25, HoldoutScore = 0.2, Created = now.AddMinutes(-30), Finished = now.AddMinutes(-20) },
            new() { Id = "1", ParentId = "0", Generation = 1, Iteration = 1, Status = NodeStatus.Valid, Score = 0.5, Created = now.AddMinutes(-19), Finished = now.AddMinutes(-10), Diagnosis = new("s", "p", "more steps", "raise Steps", "d") },
            new() { Id = "2", ParentId = "0", Generation = 1, Iteration = 1, Status = NodeStatus.Invalid, InvalidReason = "build failed: CS1002", Created = now.AddMinutes(-19), Finished = now.AddMinutes(-15) },
            new() { Id = "3", ParentId = "1", Generation = 2, Iteration = 2, Status = NodeStatus.PendingApproval, Score = 0.75, Created = now.AddMinutes(-9), Finished = now.AddMinutes(-1) },
        ];
        foreach (var node in nodes)
        {
            store.Insert(node with { Status = NodeStatus.Evaluating });
            if (node.Id == "1")
            {
                File.WriteAllText(Path.Combine(source, "Agent.cs"), "class Agent\n{\n    int Steps = 80;\n}\n");
            }

            store.Update(node with { Commit = lineage.Commit(node, source, $"node {node.Id}") });
        }

        Directory.Delete(source, recursive: true);
        return run;
    }

    [TestMethod]
    public async Task Tree_marks_the_best_valid_lineage_and_shows_invalid_and_pending_nodes()
    {
        var run = MakeRun();
        try
        {
            var (exit, text, error) = await DgmAsync("tree", "--run", run, "--color", "never");
            var (jsonExit, json, _) = await DgmAsync("tree", "--run", run, "--format", "json");

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(text, "1 ★");
            StringAssert.Contains(text, "build failed: CS1002");
            StringAssert.Contains(text, "pending");
            Assert.AreEqual(0, jsonExit);
            Assert.AreEqual("1", JsonDocument.Parse(json).RootElement.GetProperty("best").GetString(), "a pending node is not the best until approved");
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestMethod]
    public async Task Diff_shows_what_a_child_changed_against_its_parent_or_the_seed()
    {
        var run = MakeRun();
        try
        {
            var (exit, diff, error) = await DgmAsync("diff", "1", "--run", run, "--color", "never");
            var (seedExit, seedDiff, _) = await DgmAsync("diff", "3", "--against", "seed", "--run", run);
            var (rootExit, _, rootError) = await DgmAsync("diff", "seed", "--run", run);

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(diff, "-    int Steps = 40;");
            StringAssert.Contains(diff, "+    int Steps = 80;");
            Assert.AreEqual(0, seedExit);
            StringAssert.Contains(seedDiff, "+    int Steps = 80;");
            Assert.AreEqual(2, rootExit);
            StringAssert.Contains(rootError, "is the seed: it has no parent");
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestMethod]
    public async Task Show_tells_everything_about_a_node_and_an_unknown_id_is_one_line_with_the_known_ids()
    {
        var run = MakeRun();
        try
        {
            var (exit, text, _) = await DgmAsync("show", "best", "--run", run);
            var (unknownExit, _, unknownError) = await DgmAsync("show", "42", "--run", run);

            Assert.AreEqual(0, exit);
            StringAssert.Contains(text, "node 1: valid");
            StringAssert.Contains(text, "lineage     1 ← 0");
            StringAssert.Contains(text, "raise Steps");
            Assert.AreEqual(2, unknownExit);
            Assert.AreEqual(1, unknownError.Trim().Split('\n').Length, unknownError);
            StringAssert.Contains(unknownError, "No node '42'");
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestMethod]
    public async Task Approve_lets_a_pending_child_in_and_only_a_pending_one()
    {
        var run = MakeRun();
        try
        {
            var (exit, text, error) = await DgmAsync("approve", "3", "--run", run);
            var (againExit, _, againError) = await DgmAsync("reject", "3", "--run", run);

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(text, "approved");
            Assert.AreEqual(2, againExit);
            StringAssert.Contains(againError, "not pending approval");
            using var store = ArchiveStore.Open(run);
            Assert.AreEqual(NodeStatus.Valid, store.Get("3").Status);
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestMethod]
    public async Task Report_writes_one_html_file_with_every_node()
    {
        var run = MakeRun();
        try
        {
            var (exit, text, error) = await DgmAsync("report", "--run", run);

            Assert.AreEqual(0, exit, error);
            var html = File.ReadAllText(Path.Combine(run, "report.html"));
            foreach (var id in new[] { "0", "1", "2", "3" })
            {
                StringAssert.Contains(html, $"id=\"node-{id}\"");
            }

            StringAssert.Contains(html, "Steps = 80");
            StringAssert.Contains(text, "report.html");
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_missing_or_corrupt_run_folder_is_one_clear_line_and_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("dgm-notarun-").FullName;
        try
        {
            var (missingExit, _, missingError) = await DgmAsync("tree", "--run", Path.Combine(folder, "nope"));
            var (emptyExit, _, emptyError) = await DgmAsync("tree", "--run", folder);
            File.WriteAllBytes(Path.Combine(folder, "archive.db"), [.. Enumerable.Range(0, 20000).Select(i => (byte)(i * 7))]);
            var (corruptExit, _, corruptError) = await DgmAsync("show", "0", "--run", folder);
            var (resumeExit, _, resumeError) = await DgmAsync("evolve", "--run", Path.Combine(folder, "new"), "--resume", "--sandbox", "local");

            Assert.AreEqual(2, missingExit);
            StringAssert.Contains(missingError, "does not exist");
            Assert.AreEqual(2, emptyExit);
            StringAssert.Contains(emptyError, "is not a run folder");
            Assert.AreEqual(2, corruptExit);
            StringAssert.Contains(corruptError, "archive.db");
            Assert.AreEqual(2, resumeExit);
            StringAssert.Contains(resumeError, "no run to resume");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task Evolve_with_an_unknown_suite_or_policy_says_so_and_leaves_no_run_behind()
    {
        var parent = Directory.CreateTempSubdirectory("dgm-badrun-").FullName;
        var run = Path.Combine(parent, "run");
        try
        {
            var (suiteExit, _, suiteError) = await DgmAsync("evolve", "--run", run, "--suite", "no-such-suite", "--sandbox", "local");
            var (policyExit, _, policyError) = await DgmAsync("evolve", "--run", run, "--selection", "best", "--sandbox", "local");

            Assert.AreEqual(2, suiteExit);
            StringAssert.Contains(suiteError, "Unknown suite 'no-such-suite'");
            Assert.AreNotEqual(0, policyExit);
            StringAssert.Contains(policyError, "best");
            Assert.IsFalse(File.Exists(Path.Combine(run, "archive.db")), "nothing was started, so a corrected retry needs no --resume");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_resume_keeps_every_stored_option_and_refuses_to_change_one_it_may_not()
    {
        var run = Directory.CreateTempSubdirectory("dgm-resume-").FullName;
        try
        {
            var stored = new Dgm.Evolution.Runs.EvolutionOptions { RunDir = run, Suite = Path.Combine(run, "no-such-suite"), Iterations = 7, Selection = "hgm", Seed = 5 };
            using (var store = ArchiveStore.Open(run))
            {
                var options = System.Text.Json.JsonSerializer.SerializeToElement(stored).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
                store.SetRunInfo(new RunInfo("r", DateTimeOffset.UtcNow, options, RunStatus.Interrupted));
            }

            var (changedExit, _, changedError) = await DgmAsync("evolve", "--run", run, "--resume", "--selection", "greedy");
            var (sameExit, _, sameError) = await DgmAsync("evolve", "--run", run, "--resume", "--selection", "hgm", "--sandbox", "local");

            Assert.AreEqual(2, changedExit, changedError);
            StringAssert.Contains(changedError, "--selection cannot change when a run is resumed (the run has \"hgm\")");
            Assert.AreNotEqual(0, sameExit, "the stored suite does not exist, so the resumed run stops after reading its options");
            StringAssert.Contains(sameError, "no-such-suite");
            using var reopened = ArchiveStore.Open(run);
            var info = reopened.GetRunInfo()!;
            Assert.AreEqual("7", info.Options["Iterations"], "--iterations was not passed: the stored 7 stays, not the default");
            Assert.AreEqual("\"hgm\"", info.Options["Selection"]);
            Assert.AreEqual("5", info.Options["Seed"]);
            Assert.AreEqual("\"local\"", info.Options["Sandbox"], "--sandbox may change on resume");
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_run_from_another_is_refused_before_anything_is_copied_when_an_option_or_the_base_is_wrong()
    {
        var root = Directory.CreateTempSubdirectory("dgm-from-").FullName;
        var origin = Path.Combine(root, "base");
        var fork = Path.Combine(root, "fork");
        try
        {
            var stored = new Dgm.Evolution.Runs.EvolutionOptions { RunDir = origin, Suite = Path.Combine(root, "no-such-suite"), Iterations = 0, Selection = "dgm", Seed = 5 };
            using (var store = ArchiveStore.Open(origin))
            {
                var options = JsonSerializer.SerializeToElement(stored).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
                store.SetRunInfo(new RunInfo("base", DateTimeOffset.UtcNow, options, RunStatus.Finished));
                store.Insert(new Node { Id = "0", Status = NodeStatus.Valid, Score = 0.3, Created = DateTimeOffset.UtcNow });
            }

            var (seedExit, _, seedError) = await DgmAsync("evolve", "--run", fork, "--from", origin, "--seed", "6", "--selection", "greedy");
            var (suiteExit, _, suiteError) = await DgmAsync("evolve", "--run", fork, "--from", origin, "--selection", "greedy", "--sandbox", "local");
            (int Exit, string Error) locked;
            using (RunLock.Acquire(origin))
            {
                var (exit, _, error) = await DgmAsync("evolve", "--run", fork, "--from", origin);
                locked = (exit, error);
            }

            var (resumeExit, _, resumeError) = await DgmAsync("evolve", "--run", fork, "--from", origin, "--resume");
            var (noneExit, _, noneError) = await DgmAsync("evolve", "--run", fork, "--from", Path.Combine(root, "nothing"));
            using (ArchiveStore.Open(Path.Combine(root, "taken")))
            {
            }

            var (takenExit, _, takenError) = await DgmAsync("evolve", "--run", Path.Combine(root, "taken") + "/", "--from", origin + "/");

            Assert.AreEqual(2, seedExit, seedError);
            StringAssert.Contains(seedError, "--seed cannot differ from the base run's (5) in a run started --from it");
            Assert.AreEqual(2, suiteExit, suiteError);
            StringAssert.Contains(suiteError, "no-such-suite", "the base's suite is checked before the copy");
            Assert.AreEqual(2, locked.Exit, locked.Error);
            StringAssert.Contains(locked.Error, "is in use by another dgm process");
            Assert.AreEqual(2, resumeExit, resumeError);
            StringAssert.Contains(resumeError, "does not go with --resume");
            Assert.AreEqual(2, noneExit, noneError);
            StringAssert.Contains(noneError, "there is no run there");
            Assert.AreEqual(2, takenExit, takenError);
            StringAssert.Contains(takenError, $"already holds a run; continue it with: dgm evolve --run {Path.Combine(root, "taken")} --resume");
            Assert.IsFalse(Directory.Exists(fork), "nothing refused left a folder behind");
            Assert.IsFalse(Directory.EnumerateDirectories(root, ".*").Any(), "nor a copy in progress");
            using var untouched = ArchiveStore.Open(origin);
            Assert.AreEqual("\"dgm\"", untouched.GetRunInfo()!.Options["Selection"]);
            Assert.AreEqual(RunStatus.Finished, untouched.GetRunInfo()!.Status);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
