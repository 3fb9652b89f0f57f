using System.Diagnostics;
using System.Text.Json;
using Dgm.Archive;
using Dgm.Evolution.Runs;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>
/// The outer loop end to end against the real Docker daemon, real agent builds and a real archive: a run is
/// SIGKILLed in the middle of an iteration, a second run on the folder is refused, and the run resumes.
/// </summary>
[TestClass]
public sealed class EvolutionRunTests
{
    private static readonly string[] Tasks = ["date-range-inclusive-days", "leap-year-century", "cart-bundle-discount"];

    private static Task<(int Exit, string Output, string Error)> DgmAsync(params string[] args) => DgmCli.RunAsync(args);

    [TestMethod]
    [Timeout(1_200_000, CooperativeCancellation = true)]
    public async Task A_run_killed_mid_iteration_or_stopped_with_ctrl_c_resumes_with_an_intact_archive_no_half_node_counted_and_no_container_left()
    {
        await DockerFixture.FactoryAsync();
        var root = Directory.CreateTempSubdirectory("dgm-evolve-").FullName;
        var suite = Path.Combine(root, "suite");
        var run = Path.Combine(root, "run");
        foreach (var task in Tasks)
        {
            Dgm.Sandbox.FileTree.Copy(Path.Combine(Repo.Suites, "dgm-bugs", task), Path.Combine(suite, task), followLinks: false);
        }

        string[] common = ["--run", run, "--suite", suite, "--stage1", "2", "--stage2", "0", "--holdout-tasks", "1", "--seed", "1", "--workers", "2", "--children", "1"];
        try
        {
            // 1. A run in its own process, killed with SIGKILL once its first child is being built.
            using var first = StartEvolve(["--iterations", "1", .. common]);
            var firstOutput = first.StandardOutput.ReadToEndAsync();
            var firstError = first.StandardError.ReadToEndAsync();
            await WaitForChildBuildAsync(first, Path.Combine(run, "nodes", "1", "improve.patch"), firstOutput, firstError);

            // 2. While it runs, a second run on the same folder is refused.
            var (busyExit, _, busyError) = await DgmAsync(["evolve", "--resume", .. common]);
            Assert.AreEqual(2, busyExit, busyError);
            StringAssert.Contains(busyError, "in use by another dgm process");

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();

            // 3. Resume with a second iteration: the interrupted iteration 1 is redone first (node 2), and Ctrl+C
            //    (SIGINT) while that child is being built stops the run gracefully.
            using var second = StartEvolve(["--resume", "--iterations", "2", .. common]);
            var secondOutput = second.StandardOutput.ReadToEndAsync();
            var secondError = second.StandardError.ReadToEndAsync();
            await WaitForChildBuildAsync(second, Path.Combine(run, "nodes", "2", "improve.patch"), secondOutput, secondError);
            Assert.AreEqual("", await DgmCli.HostAsync("kill", InterruptSignal(), second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            using (var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                await second.WaitForExitAsync(stopping.Token);
            }

            Assert.AreEqual(130, second.ExitCode, $"{await secondOutput}\n{await secondError}");
            StringAssert.Contains(await secondError, $"continue with: dgm evolve --run {run} --resume");
            using (var store = ArchiveStore.Open(run))
            {
                Assert.AreEqual(RunStatus.Interrupted, store.GetRunInfo()!.Status);
                Assert.AreEqual(NodeStatus.Invalid, store.Get("2").Status, "the child in flight is not counted");
                StringAssert.Contains(store.Get("2").InvalidReason, "interrupted");
            }

            Assert.AreEqual("", (await DgmCli.HostAsync("docker", "ps", "-aq", "--filter", "label=org.dgm.run=evolve-run")).Trim(), "Ctrl+C removed the run's sandboxes");

            // 4. Resume for iteration 1 only: the database opens, the half-done children are invalid and not counted,
            //    and the twice-interrupted iteration is redone once more, to completion.
            var (exit, output, error) = await DgmAsync(["evolve", "--resume", "--iterations", "1", .. common]);

            Assert.AreEqual(0, exit, $"{output}\n{error}");
            using (var store = ArchiveStore.Open(run))
            {
                var nodes = store.All();
                Assert.IsTrue(nodes.All(n => n.Status is NodeStatus.Valid or NodeStatus.Invalid), string.Join(", ", nodes.Select(n => $"{n.Id}:{n.Status}")));
                var seed = store.Get("0");
                Assert.AreEqual(NodeStatus.Valid, seed.Status);
                Assert.IsNotNull(seed.Score);
                Assert.IsNotNull(seed.HoldoutScore);
                var interrupted = store.Get("1");
                Assert.AreEqual(NodeStatus.Invalid, interrupted.Status);
                StringAssert.Contains(interrupted.InvalidReason, "interrupted");
                var resumed = store.Get("3");
                Assert.AreEqual("0", resumed.ParentId);
                Assert.AreEqual(1, resumed.Iteration, "a kill never uses up an iteration: iteration 1 was redone");
                Assert.AreEqual(3, nodes.Count(n => n.Iteration == 1), "two interrupted tries and the one that finished");
                Assert.IsNotNull(resumed.Finished);
                Assert.IsFalse(resumed.InvalidReason?.Contains("interrupted", StringComparison.Ordinal) ?? false, resumed.InvalidReason);
                Assert.IsNotNull(resumed.Commit, "every finished child is in the lineage");
                Assert.AreEqual(RunStatus.Finished, store.GetRunInfo()!.Status);
            }

            using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))))
            {
                var totals = summary.RootElement;
                Assert.AreEqual(3, totals.GetProperty("processes").GetInt32(), "summary.json sums every process of the run");
                Assert.AreEqual(1, totals.GetProperty("iterations").GetInt32());
                Assert.IsGreaterThan(30.0, totals.GetProperty("wall_seconds").GetDouble(), "the killed and the stopped processes' time counts too");
                Assert.IsGreaterThanOrEqualTo(3 + 2, totals.GetProperty("evaluations").GetInt32(), "the seed's 3 (first process) and the finished child's 2 (last process)");
            }

            var containers = await DgmCli.HostAsync("docker", "ps", "-aq", "--filter", $"label=org.dgm.run=evolve-run");
            Assert.AreEqual("", containers.Trim(), "containers of the killed run were reaped");

            // 5. The tree and the diff read the resumed run.
            var (treeExit, tree, treeError) = await DgmAsync("tree", "--run", run, "--color", "never");
            Assert.AreEqual(0, treeExit, treeError);
            StringAssert.Contains(tree, "0 ★");
            StringAssert.Contains(tree, "interrupted");
            var (diffExit, _, diffError) = await DgmAsync("diff", "3", "--run", run, "--color", "never");
            Assert.AreEqual(0, diffExit, diffError);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    [Timeout(1_200_000, CooperativeCancellation = true)]
    public async Task Offline_iterations_run_end_to_end_in_the_local_sandbox_without_docker_and_a_grandchild_reads_its_lineages_logs()
    {
        var root = Directory.CreateTempSubdirectory("dgm-evolve-local-").FullName;
        var suite = Path.Combine(root, "suite");
        var run = Path.Combine(root, "local-run");
        foreach (var task in new[] { "date-range-inclusive-days", "money-storage-format-culture", "cart-bundle-discount" })
        {
            Dgm.Sandbox.FileTree.Copy(Path.Combine(Repo.Suites, "dgm-bugs", task), Path.Combine(suite, task), followLinks: false);
        }

        try
        {
            var (exit, output, error) = await DgmAsync("evolve", "--run", run, "--suite", suite, "--sandbox", "local", "--iterations", "2", "--children", "1",
                "--stage1", "2", "--stage2", "0", "--holdout-tasks", "1", "--workers", "2", "--seed", "1", "--selection", "latest");

            Assert.AreEqual(0, exit, $"{output}\n{error}");
            StringAssert.Contains(error, "dgm: local sandbox", "the weaker isolation is said");
            CheckRun(run);

            // A run started from this one (an ablation's next method): the archive is copied, the seed is not evaluated
            // again, and iteration 3 goes on with another selection; the base stays as it was.
            var fork = Path.Combine(root, "greedy-run");
            var (forkExit, forkOutput, forkError) = await DgmAsync("evolve", "--run", fork, "--from", run, "--iterations", "3", "--selection", "greedy", "--improver", "frozen", "--keep", "better", "--sandbox", "local");

            Assert.AreEqual(0, forkExit, $"{forkOutput}\n{forkError}");
            Assert.DoesNotContain("the seed agent: building", forkOutput, "the copied seed is not built or evaluated again");
            using (var copied = ArchiveStore.Open(fork))
            using (var original = ArchiveStore.Open(run))
            {
                Assert.AreEqual(original.Get("0").Finished, copied.Get("0").Finished, "the seed's record is the base's");
                Assert.AreEqual(3, original.All().Count, "the base run is unchanged");
                var third = copied.All().Single(n => n.Iteration == 3);
                Assert.IsNotNull(third.Finished, "iteration 3 ran in the new run");
                Assert.IsFalse(EvolutionRun.IsInterrupted(third), third.InvalidReason);
                var info = copied.GetRunInfo()!;
                Assert.AreEqual("greedy-run", info.RunId);
                Assert.AreEqual("\"greedy\"", info.Options["Selection"]);
                Assert.AreEqual("\"frozen\"", info.Options["Improver"]);
                Assert.AreEqual("\"better\"", info.Options["Keep"]);
                Assert.AreEqual("1", info.Options["Seed"], "the base's options, where not changed");
                Assert.AreEqual("2", info.Options["Stage1Tasks"]);
                Assert.AreEqual(2, info.Processes, "the base's process and the fork's: its totals are those of one run");
                Assert.IsGreaterThan(original.GetRunInfo()!.WallSeconds, info.WallSeconds, "the base's wall time counts in the fork's");
                Assert.AreEqual("\"latest\"", original.GetRunInfo()!.Options["Selection"]);
                Assert.AreEqual(RunStatus.Finished, info.Status);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The local run's seed, child and grandchild, and the grandchild's reading of the lineage.</summary>
    private static void CheckRun(string run)
    {
        using var store = ArchiveStore.Open(run);
        var seed = store.Get("0");
        Assert.AreEqual(NodeStatus.Valid, seed.Status, seed.InvalidReason);
        Assert.AreEqual(0.5, seed.Score, "the seed resolves the off-by-one date range, not the culture bug");
        Assert.IsNotNull(seed.HoldoutScore);
        var child = store.Get("1");
        Assert.AreEqual(NodeStatus.Valid, child.Status, child.InvalidReason);
        Assert.IsNotNull(child.Score, "the child was built and evaluated in the local sandbox");
        Assert.IsNotNull(child.Commit);
        using var lineage = Lineage.Open(run);
        var diff = lineage.Diff("0", "1");
        StringAssert.Contains(diff, "+++ b/", "the child's source is an edit of the seed's");
        var changed = diff.Split('\n').Count(l => l.Length > 0 && l[0] is '+' or '-' && !l.StartsWith("+++", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal));
        Assert.AreEqual(changed, child.DiffLines, "the child's record says how large its diff of the seed is (selection's tie-break)");

        // Iteration 2 improves node 1 (latest), whose parent is the seed: the seed's train logs are read too.
        var grandchild = store.Get("2");
        Assert.AreEqual("1", grandchild.ParentId);
        var improve = File.ReadAllText(Path.Combine(run, "nodes", "2", "improve.trajectory.json"));
        StringAssert.Matches(improve, new System.Text.RegularExpressions.Regex(@"2 task\(s\) read from \S*/lineage/01-0/summary\.json"), "the grandparent's logs reached the self-improvement");
        foreach (var holdout in seed.Results.Where(r => r.Split == "holdout"))
        {
            Assert.DoesNotContain(holdout.TaskId, improve, "no holdout task's log reached it");
        }
        Assert.IsTrue(File.Exists(Path.Combine(run, "summary.json")));
    }

    private static Process StartEvolve(IEnumerable<string> args) => DgmCli.Start(["evolve", .. args]);

    /// <summary>Waits until the child's self-improvement produced its patch (the build is next), failing if the run ends first.</summary>
    private static async Task WaitForChildBuildAsync(Process process, string improvePatch, Task<string> output, Task<string> error)
    {
        var deadline = DateTime.UtcNow.AddMinutes(12);
        while (!File.Exists(improvePatch) && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.IsFalse(process.HasExited, $"the run ended before its child was built:\n{await output}\n{await error}");
        Assert.IsTrue(File.Exists(improvePatch), "no child started within the deadline");
    }

    [TestMethod]
    [Timeout(1_200_000, CooperativeCancellation = true)]
    public async Task One_model_iteration_diagnoses_edits_the_agent_builds_and_evaluates_the_child_and_replays_to_the_same_tree()
    {
        await DockerFixture.FactoryAsync();
        await using var server = await FakeOpenAiServer.StartAsync();
        var fix = new { path = "src/Ranges/DateRange.cs", old_str = "End.DayNumber - Start.DayNumber;", new_str = "End.DayNumber - Start.DayNumber + 1;" };
        server
            .ThenToolCall("editor-str_replace", fix).ThenSay("DONE")                 // the seed solves the train task
            .ThenSay("DONE")                                                          // and gives up on the holdout task
            .ThenSay("""{"log_summarization": "It gave up.", "potential_improvements": "Persistence.", "improvement_proposal": "Ask for tested changes.", "implementation_suggestion": "Edit Prompts.cs.", "problem_description": "The agent should keep its changes tested."}""")
            .ThenToolCall("editor-str_replace", new { path = "Prompts.cs", old_str = "Keep the code building and small.", new_str = "Keep the code building, small and tested." })
            .ThenSay("DONE")                                                          // the parent edited its own source
            .ThenToolCall("editor-str_replace", fix).ThenSay("DONE");                // the child solves the train task
        var root = Directory.CreateTempSubdirectory("dgm-evolve-model-").FullName;
        var suite = Files.SuiteOf(root, "date-range-inclusive-days", "cart-bundle-discount");

        var cassette = Path.Combine(root, "model.jsonl");
        string[] common = ["--suite", suite, "--iterations", "1", "--children", "1", "--stage1", "1", "--stage2", "0", "--workers", "1", "--seed", "3"];
        try
        {
            var (exit, output, error) = await DgmAsync(["evolve", "--run", Path.Combine(root, "recorded"), "--model", "openai:fake-model", "--endpoint", server.Endpoint, "--record", cassette, .. common]);
            Assert.AreEqual(0, exit, $"{output}\n{error}");
            var calls = server.Requests.Count;
            var (replayExit, replayOutput, replayError) = await DgmAsync(["evolve", "--run", Path.Combine(root, "replayed"), "--model", "replay:" + cassette, .. common]);
            Assert.AreEqual(0, replayExit, $"{replayOutput}\n{replayError}");

            Assert.AreEqual(8, calls, "seed: 2 + 1 calls, diagnosis 1, self-improvement 2, child 2");
            Assert.AreEqual(calls, server.Requests.Count, "the replay made no model call");
            using var recorded = ArchiveStore.Open(Path.Combine(root, "recorded"));
            using var replayed = ArchiveStore.Open(Path.Combine(root, "replayed"));
            var child = recorded.Get("1");
            Assert.AreEqual(NodeStatus.Valid, child.Status, child.InvalidReason);
            Assert.AreEqual("Edit Prompts.cs.", child.Diagnosis?.ImplementationSuggestion);
            StringAssert.Contains(child.ProblemStatement, "keep its changes tested");
            Assert.AreEqual(1.0, child.Score);
            foreach (var (a, b) in recorded.All().Zip(replayed.All()))
            {
                Assert.AreEqual((a.Id, a.ParentId, a.Status, a.Score, a.HoldoutScore, a.Diagnosis), (b.Id, b.ParentId, b.Status, b.Score, b.HoldoutScore, b.Diagnosis));
            }

            Assert.AreEqual(recorded.All().Count, replayed.All().Count);
            using var lineage = Lineage.Open(Path.Combine(root, "replayed"));
            StringAssert.Contains(lineage.Diff("0", "1"), "+            address it. Keep the code building, small and tested.");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// SIGINT (Ctrl+C); but a process started as a background job of a non-interactive shell ignores SIGINT and
    /// its children inherit that, so there SIGTERM, which dgm handles the same way, stands in (and says so).
    /// </summary>
    private static string InterruptSignal()
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        if ((Convert.ToUInt64(ignored, 16) & 0b10) == 0)
        {
            return "-INT";
        }

        Console.WriteLine("SIGINT is ignored by this test process (a background job?): the run is stopped with SIGTERM instead");
        return "-TERM";
    }
}
