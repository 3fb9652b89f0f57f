using System.Text.Json;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Evolution.Evaluation;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>A task evaluation on the cheap path, in Docker: the agent gets the repository built, its patch is graded fast.</summary>
[TestClass]
public sealed class FastEvaluationTests
{
    [TestMethod]
    public async Task The_seed_gets_the_repository_built_without_hidden_tests_and_its_patch_is_graded_by_the_fast_path()
    {
        // A copy of the task whose files are newer than its cached build, as in a fresh clone: the build is still of
        // these sources (its key hashes them), so it must still count as up to date.
        var folder = Directory.CreateTempSubdirectory("dgm-fresh-clone-").FullName;
        var copy = Path.Combine(folder, Path.GetFileName(GradingFixture.DateRange.Folder));
        Dgm.Sandbox.FileTree.Copy(GradingFixture.DateRange.Folder, copy, followLinks: false);
        var task = Dgm.Benchmarks.Tasks.TaskLoader.Load(copy);
        var pool = new Dgm.Sandbox.SandboxPool(await DockerFixture.FactoryAsync()) { OwnsInner = false };
        var environment = (await GradingFixture.GraderAsync()).Environment;
        var plans = new BuildPlans(pool, environment, "tests");
        var evaluator = new AgentEvaluator(pool, environment, new Grader(pool, environment, "tests") { Plans = plans }, Path.GetDirectoryName(AgentProcess.Dll)!, "tests");

        var built = await plans.GetVisibleAsync(task, CancellationToken.None);
        foreach (var file in Directory.GetFiles(task.RepoDir, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }

        var attempt = await evaluator.EvaluateAsync(task, "heuristic", null, TimeSpan.FromMinutes(5), CancellationToken.None, GradingPath.Fast);

        Assert.IsNotNull(built);
        var testOutput = Directory.GetFiles(built, "Ranges.Tests.dll", SearchOption.AllDirectories);
        Assert.IsNotEmpty(testOutput);
        Assert.IsFalse(Directory.GetFiles(built, "*.cs", SearchOption.AllDirectories).Any(f => !f.Contains("/obj/", StringComparison.Ordinal)), "the built tree holds build outputs only, no source");
        var visibleSources = string.Concat(Directory.GetFiles(task.RepoDir, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var declared = Dgm.Benchmarks.Control.TestDiscovery.TestsIn(testOutput[0]);
        Assert.IsTrue(declared.All(t => visibleSources.Contains(t.Split('.')[^1], StringComparison.Ordinal)), "only the visible tests are built, never the hidden ones");
        var notes = string.Join('\n', JsonDocument.Parse(attempt.Trajectory).RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        StringAssert.Contains(notes, "up to date, its 3 tests run in memory");
        Assert.AreEqual("fast", attempt.Grade.GradedBy, attempt.Grade.Fallback);
        Assert.AreEqual(GradeStatus.Resolved, attempt.Grade.Status, attempt.Grade.OutputTail);
        await pool.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public async Task A_pooled_agent_sandbox_holds_the_agent_warmed_up_and_it_solves_as_a_cold_one_does()
    {
        var task = GradingFixture.DateRange;
        var pool = new Dgm.Sandbox.SandboxPool(await DockerFixture.FactoryAsync()) { OwnsInner = false, PerSpec = 1 };
        await using (pool)
        {
            var environment = (await GradingFixture.GraderAsync()).Environment;
            var evaluator = new AgentEvaluator(pool, environment, new Grader(pool, environment, "tests") { Plans = new BuildPlans(pool, environment, "tests") }, Path.GetDirectoryName(AgentProcess.Dll)!, "tests");
            async Task<AgentAttempt> EvaluateAsync() => await evaluator.EvaluateAsync(task, "heuristic", null, TimeSpan.FromMinutes(5), CancellationToken.None, GradingPath.Fast);

            // The first two requests start their own sandboxes (the second asks the pool to keep one ready).
            var cold = await EvaluateAsync();
            await EvaluateAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (pool.Idle < 2 && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(50);
            }

            var warm = await EvaluateAsync();

            Assert.DoesNotContain("started warm", cold.Run.Stderr, "a sandbox no pool kept ready runs the agent cold");
            StringAssert.Contains(warm.Run.Stderr, "dgm-agent: started warm", warm.Run.Stdout + warm.Run.Stderr);
            StringAssert.Contains(warm.Run.Stderr, "dgm-agent: stopped: plausible_patch");
            Assert.AreEqual(0, warm.Run.ExitCode);
            Assert.AreEqual(cold.Patch, warm.Patch, "the warm agent makes the cold one's patch");
            Assert.AreEqual(GradeStatus.Resolved, warm.Grade.Status, warm.Grade.OutputTail);
            Assert.AreEqual(0, pool.WarmUpFailures);
        }
    }
}
