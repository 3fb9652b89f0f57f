using System.Diagnostics;
using System.Text.Json;
using Dgm.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>
/// SIGKILL at random moments (seeded, so a failure replays) across a small real run, each followed by a
/// resume; at the end nothing is lost: no valid node lost or made invalid, no half node valid, the lineage
/// matches the archive, no container left, and summary.json counts every process. CI runs the short form;
/// `scripts/kill-test.sh` runs it with 20 kills and writes the figures to docs/reliability.md.
/// </summary>
[TestClass]
public sealed class KillTests
{
    [TestMethod]
    [Timeout(2_400_000, CooperativeCancellation = true)]
    public async Task A_run_killed_at_random_moments_and_resumed_each_time_loses_nothing()
    {
        await DockerFixture.FactoryAsync();
        var kills = int.TryParse(Environment.GetEnvironmentVariable("DGM_KILL_TEST_KILLS"), out var k) ? k : 5;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DGM_KILL_TEST_SEED"), out var s) ? s : 11;
        var random = new Random(seed);
        var root = Directory.CreateTempSubdirectory("dgm-kill-").FullName;
        var suite = Files.SuiteOf(root, "date-range-inclusive-days", "cart-bundle-discount");
        var run = Path.Combine(root, "kill-run"); // its own container label (evolve-kill-run): other tests check theirs
        var iterations = 3;
        string[] Args(bool resume) =>
            ["evolve", "--run", run, "--suite", suite, "--iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--children", "1",
             "--stage1", "1", "--stage2", "0", "--holdout-tasks", "1", "--workers", "2", "--seed", "2", .. resume ? new[] { "--resume" } : []];
        var validSeen = new Dictionary<string, string>();
        var log = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            var done = 0;
            for (var start = 0; done < kills && start < kills * 4; start++)
            {
                // Early moments (startup, the seed's build and evaluation: about 40 s here) and late ones (children's
                // self-improvement, builds, evaluations, commits) alike.
                var delay = TimeSpan.FromSeconds(1 + (random.NextDouble() * 74));
                using var process = DgmCli.Start(Args(resume: start > 0));
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                using (var wait = new CancellationTokenSource(delay))
                {
                    try
                    {
                        await process.WaitForExitAsync(wait.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                var killed = !process.HasExited;
                if (killed)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    done++;
                }
                else
                {
                    Assert.AreEqual(0, process.ExitCode, $"start {start + 1}: the run failed on its own:\n{await output}\n{await error}");
                }

                var nodes = Check(run, validSeen, $"after kill {done} at {delay.TotalSeconds:0.0} s");
                log.Add($"{(killed ? $"kill {done}: SIGKILL at {delay.TotalSeconds:0.0} s" : $"the run finished its {iterations} iterations: resumed with 5 more")}, {nodes.Count} nodes, {nodes.Count(n => n.Status == NodeStatus.Valid)} valid, "
                    + $"{nodes.Count(n => n.Status is NodeStatus.SelfImproving or NodeStatus.Building or NodeStatus.Evaluating)} in flight ({string.Join(", ", nodes.Where(n => n.Status is NodeStatus.SelfImproving or NodeStatus.Building or NodeStatus.Evaluating).Select(n => $"{n.Id} {n.Status.ToString().ToLowerInvariant()}"))})");
                if (!killed)
                {
                    iterations += 5; // more run to kill: --iterations may grow on resume
                }
            }

            if (done < kills)
            {
                WriteLog(log);
                Assert.Fail($"only {done} of {kills} kills landed on a running process");
            }
            var (exit, finalOutput, finalError) = await DgmCli.RunAsync(Args(resume: true));
            Assert.AreEqual(0, exit, $"{finalOutput}\n{finalError}");
            var final = Check(run, validSeen, "at the end");
            foreach (var iteration in Enumerable.Range(1, iterations))
            {
                Assert.AreEqual(1, final.Count(n => n.Iteration == iteration && !n.IsSeed && !Dgm.Evolution.Runs.EvolutionRun.IsInterrupted(n)), $"iteration {iteration} has exactly one finished child");
            }

            Assert.IsTrue(final.All(n => n.Status is NodeStatus.Valid or NodeStatus.Invalid), "nothing is left half done");
            Assert.AreEqual("", (await DgmCli.HostAsync("docker", "ps", "-aq", "--filter", $"label=org.dgm.run=evolve-kill-run")).Trim(), "no container left");
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            var totals = summary.RootElement;
            Assert.AreEqual(final.Count, totals.GetProperty("nodes").GetInt32());
            Assert.AreEqual(iterations, totals.GetProperty("iterations").GetInt32());
            Assert.IsGreaterThanOrEqualTo(final.Sum(n => n.Results.Count), totals.GetProperty("evaluations").GetInt32(), "every process's evaluations count");
            Assert.IsLessThanOrEqualTo(log.Count + 1, totals.GetProperty("processes").GetInt32(), "each start counts once (one killed in its first moments may not have recorded itself)");
            log.Add($"final resume to {iterations} iterations: {final.Count} nodes ({final.Count(n => n.Status == NodeStatus.Valid)} valid, {final.Count(Dgm.Evolution.Runs.EvolutionRun.IsInterrupted)} interrupted), "
                + $"{totals.GetProperty("processes").GetInt32()} processes, {totals.GetProperty("evaluations").GetInt32()} evaluations, {clock.Elapsed.TotalMinutes:0.0} minutes in all; seed {seed}");
            WriteLog(log);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void WriteLog(List<string> log)
    {
        Console.WriteLine(string.Join("\n", log));
        if (Environment.GetEnvironmentVariable("DGM_KILL_TEST_LOG") is { Length: > 0 } file)
        {
            File.WriteAllLines(file, log);
        }
    }

    /// <summary>The invariants after any kill: the archive opens, valid nodes stay valid, valid means finished and committed, the lineage matches.</summary>
    private static IReadOnlyList<Node> Check(string run, Dictionary<string, string> validSeen, string when)
    {
        if (!File.Exists(Path.Combine(run, ArchiveStore.FileName)))
        {
            return [];
        }

        IReadOnlyList<Node> nodes;
        using (var store = ArchiveStore.Open(run))
        {
            nodes = store.All();
        }

        foreach (var (id, commit) in validSeen)
        {
            var node = nodes.SingleOrDefault(n => n.Id == id);
            Assert.IsNotNull(node, $"{when}: valid node {id} was lost");
            Assert.AreEqual(NodeStatus.Valid, node.Status, $"{when}: valid node {id} became {node.Status}");
            Assert.AreEqual(commit, node.Commit, $"{when}: valid node {id} changed its commit");
        }

        var branches = Directory.Exists(Path.Combine(run, Lineage.FolderName))
            ? LineageBranches(run)
            : new Dictionary<string, string>();
        foreach (var node in nodes)
        {
            if (node.Status == NodeStatus.Valid)
            {
                Assert.IsNotNull(node.Finished, $"{when}: node {node.Id} is valid but not finished");
                Assert.IsNotNull(node.Commit, $"{when}: node {node.Id} is valid but not in the lineage");
                Assert.IsTrue(node.IsSeed || node.Results.Any(r => r.Stage == 1), $"{when}: node {node.Id} is valid without a stage 1");
                validSeen[node.Id] = node.Commit;
            }

            if (node.Commit is { } commit)
            {
                Assert.AreEqual(commit, branches.GetValueOrDefault(node.Id), $"{when}: node {node.Id}'s commit is not its lineage branch");
            }
        }

        foreach (var id in branches.Keys)
        {
            Assert.IsTrue(nodes.Any(n => n.Id == id), $"{when}: the lineage has node {id}, the archive does not");
        }

        return nodes;
    }

    private static Dictionary<string, string> LineageBranches(string run) =>
        Dgm.Tests.Archive.ArchiveTestKit.Git(Path.Combine(run, Lineage.FolderName), "for-each-ref", "--format=%(refname:lstrip=3) %(objectname)", "refs/heads/node/")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => parts[1]);
}
