using System.Text.Json;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Support;

namespace Dgm.Tests.Agent;

/// <summary>The agent without a model: automated program repair on real repositories, run as a process.</summary>
[TestClass]
public sealed class AgentOfflineRepairTests
{
    private static async Task<(string Patch, JsonDocument Trajectory, string Stderr)> SolveAsync(string repo, string problem, params string[] extra)
    {
        var work = Path.GetDirectoryName(repo)!;
        var patch = Path.Combine(work, "out.patch");
        var log = Path.Combine(work, "trajectory.json");
        var (exit, stderr) = await AgentProcess.RunAsync(new Dictionary<string, string>(), ["solve", "--repo", repo, "--problem", problem, "--out", patch, "--log", log, .. extra]);
        Assert.AreEqual(0, exit, stderr);
        return (File.ReadAllText(patch), JsonDocument.Parse(File.ReadAllText(log)), stderr);
    }

    private static string Notes(JsonDocument trajectory) =>
        string.Join('\n', trajectory.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));

    private static (string Work, string Repo) CopyTask(BenchTask task)
    {
        var work = Directory.CreateTempSubdirectory("dgm-apr-").FullName;
        var repo = Path.Combine(work, "repo");
        Dgm.Sandbox.FileTree.Copy(task.RepoDir, repo, followLinks: false);
        return (work, repo);
    }

    [TestMethod]
    public async Task Repairs_a_known_task_with_no_model_and_the_harness_grades_it_resolved()
    {
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            var (patch, trajectory, _) = await SolveAsync(repo, task.ProblemPath);

            Assert.AreEqual("plausible_patch", trajectory.RootElement.GetProperty("stop_reason").GetString(), Notes(trajectory));
            var report = await (await GradingFixture.GraderAsync()).GradeAsync(task, patch, CancellationToken.None);
            Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_repository_handed_over_built_is_tested_without_a_build_and_an_edited_one_is_built_again()
    {
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            await BuildAsync(repo, task);
            var (patch, trajectory, _) = await SolveAsync(repo, task.ProblemPath);
            StringAssert.Contains(Notes(trajectory), "up to date, its 3 tests run in memory");
            Assert.AreEqual("plausible_patch", trajectory.RootElement.GetProperty("stop_reason").GetString(), Notes(trajectory));
            Assert.AreEqual(GradeStatus.Resolved, (await (await GradingFixture.GraderAsync()).GradeAsync(task, patch, CancellationToken.None)).Status);

            // A source newer than the build: the tests are built again.
            File.SetLastWriteTimeUtc(Path.Combine(repo, "src", "Ranges", "DateRange.cs"), DateTime.UtcNow.AddMinutes(5));
            var (_, again, _) = await SolveAsync(repo, task.ProblemPath);
            StringAssert.Contains(Notes(again), "built and tested by dotnet test");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task Tests_run_in_memory_report_the_same_failures_and_stack_frames_as_the_test_framework_and_data_rows_are_repaired_in_memory()
    {
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            // The task's bug fixed, another that throws inside the library, so its stack frames lead the localization.
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "DateRange.cs"), File.ReadAllText(task.RepoDir + "/src/Ranges/DateRange.cs").Replace("- Start.DayNumber;", "- Start.DayNumber + 1;", StringComparison.Ordinal));
            var lookup = Path.Combine(repo, "src", "Ranges", "Lookup.cs");
            void WriteLookup() => File.WriteAllText(lookup, """
                namespace Ranges;

                public static class Lookup
                {
                    public static int At(int[] values, int index)
                    {
                        var position = index + 1;
                        return values[position];
                    }
                }
                """);
            WriteLookup();
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "LookupTests.cs"), """
                namespace Ranges.Tests;

                [TestClass]
                public sealed class LookupTests
                {
                    [TestMethod]
                    public void AtReadsTheLastValue() => Assert.AreEqual(2, Lookup.At([1, 2], 1));

                    [TestMethod]
                    public void AtReadsTheFirstValue() => Assert.AreEqual(1, Lookup.At([1, 2], 0));
                }
                """);
            await BuildAsync(repo, task);
            string Evidence(JsonDocument trajectory) => string.Join('\n', Notes(trajectory).Split('\n').Where(n => n.StartsWith("visible tests:", StringComparison.Ordinal) || n.StartsWith("suspects in", StringComparison.Ordinal)));

            var (patch, inMemory, _) = await SolveAsync(repo, task.ProblemPath);
            StringAssert.Contains(Notes(inMemory), "up to date, its 5 tests run in memory");
            StringAssert.Contains(Evidence(inMemory), "At (4", "the library frame of the failing test's exception counts");
            Assert.AreEqual("plausible_patch", inMemory.RootElement.GetProperty("stop_reason").GetString(), Notes(inMemory));
            StringAssert.Contains(patch, "-        var position = index + 1;");

            WriteLookup(); // newer than the build now
            var (_, framework, _) = await SolveAsync(repo, task.ProblemPath);
            StringAssert.Contains(Notes(framework), "built and tested by dotnet test");
            Assert.AreEqual(Evidence(framework), Evidence(inMemory));

            // Both runs log what each failure says (the diagnosis of self-improvement reads it): the exception the test ended with.
            foreach (var run in new[] { inMemory, framework })
            {
                var failures = Notes(run).Split('\n').Where(n => n.StartsWith("failure ", StringComparison.Ordinal)).ToList();
                Assert.AreEqual(2, failures.Count, Notes(run));
                StringAssert.Contains(failures.Single(f => f.StartsWith("failure Ranges.Tests.LookupTests.AtReadsTheLastValue: ", StringComparison.Ordinal)), "IndexOutOfRangeException: Index was outside the bounds of the array.");
            }

            // Data rows run in memory too, each row with its arguments, so the repair finds the fix they guide it to.
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "LookupTests.cs"), """
                namespace Ranges.Tests;

                [TestClass]
                public sealed class LookupTests
                {
                    [TestMethod]
                    [DataRow(0, 1)]
                    [DataRow(1, 2)]
                    public void AtReadsEachValue(int index, int expected) => Assert.AreEqual(expected, Lookup.At([1, 2], index));
                }
                """);
            WriteLookup();
            await BuildAsync(repo, task);
            var (rowsPatch, rows, _) = await SolveAsync(repo, task.ProblemPath);
            StringAssert.Contains(Notes(rows), "up to date, its 4 tests run in memory");
            StringAssert.Contains(Evidence(rows), "Ranges.Tests.LookupTests.AtReadsEachValue");
            Assert.AreEqual("plausible_patch", rows.RootElement.GetProperty("stop_reason").GetString(), Notes(rows));
            StringAssert.Contains(rowsPatch, "-        var position = index + 1;");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task The_test_worker_loads_the_test_framework_once_and_gives_every_request_the_library_afresh()
    {
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "Tally.cs"), """
                namespace Ranges;

                public static class Tally
                {
                    private static int _count;

                    public static int Next() => ++_count;
                }
                """);
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "TallyTests.cs"), """
                using System.Runtime.Loader;

                namespace Ranges.Tests;

                [TestClass]
                public sealed class TallyTests
                {
                    [TestMethod]
                    public void FirstCallCountsOne() => Assert.AreEqual(1, Tally.Next());

                    [TestMethod]
                    public void SaysWhereItsAssembliesLive() =>
                        Assert.Fail($"framework in [{AssemblyLoadContext.GetLoadContext(typeof(Assert).Assembly)!.Name}], library in [{AssemblyLoadContext.GetLoadContext(typeof(Tally).Assembly)!.Name}]");
                }
                """);
            await BuildAsync(repo, task);
            var testsDll = Directory.GetFiles(Path.Combine(repo, "tests", "Ranges.Tests", "bin"), "Ranges.Tests.dll", SearchOption.AllDirectories).Single();
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(AgentProcess.Dll);
            start.ArgumentList.Add("test-worker");
            start.ArgumentList.Add(testsDll);
            using var worker = System.Diagnostics.Process.Start(start)!;
            _ = worker.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            async Task<List<string>> AskAsync(string nonce)
            {
                await worker.StandardInput.WriteLineAsync($"\tRanges.Tests.TallyTests.FirstCallCountsOne,Ranges.Tests.TallyTests.SaysWhereItsAssembliesLive\t{nonce}");
                await worker.StandardInput.FlushAsync();
                var lines = new List<string>();
                while (await worker.StandardOutput.ReadLineAsync(timeout.Token) is { } line && line != $"END {nonce}")
                {
                    lines.Add(line);
                }

                return lines;
            }

            try
            {
                foreach (var nonce in new[] { "first", "second", "third" })
                {
                    var answer = string.Join('\n', await AskAsync(nonce));
                    StringAssert.Contains(answer, "PASS Ranges.Tests.TallyTests.FirstCallCountsOne", $"request {nonce}: the library's statics are fresh\n{answer}");
                    StringAssert.Contains(answer, "framework in [Default], library in []", $"request {nonce}: the framework is shared, the library is not\n{answer}");
                }
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task BuildAsync(string repo, BenchTask task)
    {
        var build = await AgentProcess.RunToolAsync("dotnet", ["build", Path.Combine(repo, TestProjectOf(task))], repo);
        Assert.AreEqual(0, build.Exit, build.Output);
    }

    private static string TestProjectOf(BenchTask task) => task.Spec.TestCommand.SkipWhile(a => a != "--project").Skip(1).First();

    [TestMethod]
    public async Task Gives_up_cleanly_with_an_empty_patch_and_a_reason_when_no_test_guides_it()
    {
        var task = TaskLoader.Load(Path.Combine(Repo.Suites, "dgm-bugs", "roman-numerals-subtractive"));
        var (work, repo) = CopyTask(task);
        try
        {
            var (patch, trajectory, _) = await SolveAsync(repo, task.ProblemPath);

            Assert.AreEqual("", patch);
            Assert.AreEqual("no_failing_test", trajectory.RootElement.GetProperty("stop_reason").GetString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task Survives_candidates_that_loop_forever_or_crash_the_test_process()
    {
        // Steps: a loop whose "n - 1 + 1" candidate never ends. Depth: a recursion whose same candidate
        // overflows the stack and kills the test process. Both bugs are one constant; one test each.
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "Counter.cs"), """
                namespace Ranges;

                public static class Counter
                {
                    public static int Steps(int n)
                    {
                        var steps = 1;
                        while (n > 0)
                        {
                            n = n - 1;
                            steps = steps + 1;
                        }

                        return steps;
                    }

                    public static int Depth(int n) => n <= 0 ? 1 : 1 + Depth(n - 1);
                }
                """);
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "DateRange.cs"), File.ReadAllText(task.RepoDir + "/src/Ranges/DateRange.cs").Replace("- Start.DayNumber;", "- Start.DayNumber + 1;", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "CounterTests.cs"), """
                namespace Ranges.Tests;

                [TestClass]
                public sealed class CounterTests
                {
                    [TestMethod]
                    public void StepsCountsDown() => Assert.AreEqual(5, Counter.Steps(5));
                }
                """);
            var problem = Path.Combine(work, "problem.md");
            File.WriteAllText(problem, "Counter.Steps(5) returns 6.");

            var (patch, trajectory, _) = await SolveAsync(repo, problem, "--candidate-timeout", "3");
            var notes = Notes(trajectory);

            Assert.AreEqual("plausible_patch", trajectory.RootElement.GetProperty("stop_reason").GetString(), notes);
            StringAssert.Contains(notes, "timed out");
            StringAssert.Contains(patch, "+        var steps = 0;");

            // Now the recursion: its stack overflow must only cost the candidate.
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "CounterTests.cs"), """
                namespace Ranges.Tests;

                [TestClass]
                public sealed class CounterTests
                {
                    [TestMethod]
                    public void DepthCountsLevels() => Assert.AreEqual(3, Counter.Depth(3));
                }
                """);
            var (_, second, _) = await SolveAsync(repo, problem, "--candidate-timeout", "10");
            var secondNotes = Notes(second);

            Assert.AreEqual("plausible_patch", second.RootElement.GetProperty("stop_reason").GetString(), secondNotes);
            StringAssert.Contains(secondNotes, "crashed the test process");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
    [TestMethod]
    public async Task Composed_operators_run_and_a_two_site_operator_repairs_a_bug_no_single_edit_fixes()
    {
        // Sum(from, to) starts one too late and stops one too early: each fix alone leaves the test failing.
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "Summation.cs"), """
                namespace Ranges;

                public static class Summation
                {
                    public static int Sum(int from, int to)
                    {
                        var sum = 0;
                        for (var i = from + 1; i < to; i++)
                        {
                            sum += i;
                        }

                        return sum;
                    }
                }
                """);
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "DateRange.cs"), File.ReadAllText(task.RepoDir + "/src/Ranges/DateRange.cs").Replace("- Start.DayNumber;", "- Start.DayNumber + 1;", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "SummationTests.cs"), """
                namespace Ranges.Tests;

                [TestClass]
                public sealed class SummationTests
                {
                    [TestMethod]
                    public void SumAddsEveryNumberFromFirstToLast() => Assert.AreEqual(14, Summation.Sum(2, 5));
                }
                """);
            var problem = Path.Combine(work, "problem.md");
            File.WriteAllText(problem, "Summation.Sum(2, 5) returns 7; it should add 2 + 3 + 4 + 5.");
            var (seedPatch, seed, _) = await SolveAsync(repo, problem);
            Assert.AreEqual("", seedPatch, Notes(seed));

            // A child whose operators are compositions: new primitives tried first (they must run, not crash), then a pair.
            var agent = AgentProcess.CopySource(work, "agent");

            var operators = Path.Combine(agent, "Repair", "Operators.cs");
            File.WriteAllText(operators, File.ReadAllText(operators).Replace("""
                        ("negate-condition", Rewrites.NegateIf()),
                """, """
                        ("negate-condition", Rewrites.NegateIf()),
                        ("flip", Rewrites.Flip()),
                        ("remove", Rewrites.Remove("expression", "return")),
                        ("swap-arguments", Rewrites.SwapArguments()),
                        ("unary", Rewrites.Where(Rewrites.Unary(), Sites.InLoop)),
                        ("pair-1", Rewrites.Pair(Rewrites.Where(Rewrites.Binary(("<", "<=")), Sites.InCondition), Rewrites.Literal(1, -1), max: 40)),
                """, StringComparison.Ordinal));
            var (built, log) = await AgentProcess.RunToolAsync("dotnet", ["build", "-nodeReuse:false", "-p:UseSharedCompilation=false"], agent);
            Assert.AreEqual(0, built, log);
            File.Delete(Path.Combine(work, "out.patch"));
            var (exit, stderr) = await AgentProcess.RunBuildAsync(Path.Combine(agent, "bin", "Debug", "net10.0", "Dgm.Agent.dll"), new Dictionary<string, string>(),
                "solve", "--repo", repo, "--problem", problem, "--out", Path.Combine(work, "out.patch"), "--log", Path.Combine(work, "child.json"));
            Assert.AreEqual(0, exit, stderr);
            using var child = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "child.json")));
            var notes = Notes(child);
            var patch = File.ReadAllText(Path.Combine(work, "out.patch"));

            Assert.AreEqual("plausible_patch", child.RootElement.GetProperty("stop_reason").GetString(), notes);
            StringAssert.Contains(notes, "stop: plausible_patch: [pair-1]");
            foreach (var tried in new[] { "[remove]", "[unary]" })
            {
                StringAssert.Contains(notes, tried, "the composed operators made candidates (flip and swap-arguments find no site here)");
            }

            StringAssert.Contains(patch, "+        for (var i = from + 0; i <= to; i++)");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task Swapped_arguments_are_repaired_by_the_swap_arguments_operator()
    {
        var task = GradingFixture.DateRange;
        var (work, repo) = CopyTask(task);
        try
        {
            // An agent whose first operator swaps two arguments of a call (every call with two or more is a site).
            var agent = AgentProcess.CopySource(work, "agent");
            var operators = Path.Combine(agent, "Repair", "Operators.cs");
            File.WriteAllText(operators, File.ReadAllText(operators).Replace("    [\n", "    [\n        (\"swap-arguments\", Rewrites.SwapArguments()),\n", StringComparison.Ordinal));
            var (built, log) = await AgentProcess.RunToolAsync("dotnet", ["build", "-nodeReuse:false", "-p:UseSharedCompilation=false"], agent);
            Assert.AreEqual(0, built, log);

            // The task's own bug fixed; the one left passes two values in each other's place.
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "DateRange.cs"), File.ReadAllText(task.RepoDir + "/src/Ranges/DateRange.cs").Replace("- Start.DayNumber;", "- Start.DayNumber + 1;", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(repo, "src", "Ranges", "Gap.cs"), """
                namespace Ranges;

                public static class Gap
                {
                    public static int Between(int from, int to, int step) => Steps(to, from, step);

                    private static int Steps(int from, int to, int step) => (to - from) / step;
                }
                """);
            File.WriteAllText(Path.Combine(repo, "tests", "Ranges.Tests", "GapTests.cs"), """
                namespace Ranges.Tests;

                [TestClass]
                public sealed class GapTests
                {
                    [TestMethod]
                    public void BetweenCountsForward() => Assert.AreEqual(4, Gap.Between(2, 10, 2));
                }
                """);

            var patch = Path.Combine(work, "out.patch");
            var trajectoryPath = Path.Combine(work, "t.json");
            var (exit, stderr) = await AgentProcess.RunBuildAsync(Path.Combine(agent, "bin", "Debug", "net10.0", "Dgm.Agent.dll"), new Dictionary<string, string>(),
                "solve", "--repo", repo, "--problem", task.ProblemPath, "--out", patch, "--log", trajectoryPath);
            Assert.AreEqual(0, exit, stderr);
            using var trajectory = JsonDocument.Parse(File.ReadAllText(trajectoryPath));
            Assert.AreEqual("plausible_patch", trajectory.RootElement.GetProperty("stop_reason").GetString(), Notes(trajectory));
            StringAssert.Contains(Notes(trajectory), "stop: plausible_patch: [swap-arguments]");
            StringAssert.Contains(File.ReadAllText(patch), "+    public static int Between(int from, int to, int step) => Steps(from, to, step);");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task Every_family_of_the_vocabulary_renders_builds_and_repairs_with_the_seeds_operators()
    {
        var work = Directory.CreateTempSubdirectory("dgm-vocabulary-").FullName;
        try
        {
            var agent = AgentProcess.CopySource(work, "agent");

            var (added, list) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "vocabulary", "--self", agent, "--seed", "3"], work);
            Assert.AreEqual(0, added, list);
            Assert.AreEqual(13 + 3, list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, list + "\n(13 operator families and 3 reproducers)");
            var (built, log) = await AgentProcess.RunToolAsync("dotnet", ["build", "-nodeReuse:false", "-p:UseSharedCompilation=false"], agent);
            Assert.AreEqual(0, built, list + "\n" + log);

            var task = TaskLoader.Load(Path.Combine(Repo.Suites, "dgm-bugs", "csv-reader-empty-field"));
            var repo = Path.Combine(work, "repo");
            Dgm.Sandbox.FileTree.Copy(task.RepoDir, repo, followLinks: false);
            var (exit, stderr) = await AgentProcess.RunBuildAsync(Path.Combine(agent, "bin", "Debug", "net10.0", "Dgm.Agent.dll"), new Dictionary<string, string>(),
                "solve", "--repo", repo, "--problem", task.ProblemPath, "--out", Path.Combine(work, "out.patch"), "--log", Path.Combine(work, "t.json"));
            Assert.AreEqual(0, exit, stderr);
            using var trajectory = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "t.json")));
            Assert.AreEqual("plausible_patch", trajectory.RootElement.GetProperty("stop_reason").GetString(), Notes(trajectory));
            StringAssert.Contains(Notes(trajectory), "stop: plausible_patch: [null-conditional]");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
