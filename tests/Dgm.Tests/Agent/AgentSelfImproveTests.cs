using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Support;

namespace Dgm.Tests.Agent;

/// <summary>
/// Offline self-improvement (improve --model heuristic): the seed agent diagnoses evaluation logs in the
/// loop's contract and edits a copy of its own source; the copy is built and run like any child.
/// </summary>
[TestClass]
public sealed class AgentSelfImproveTests
{
    private static readonly string[] NullHandling = ["csv-reader-empty-field", "ini-config-missing-section", "graph-search-dead-end"];

    [TestMethod]
    public async Task Improve_adds_an_operator_of_the_null_handling_family_for_null_handling_failures_and_the_edited_agent_builds()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var evals = Evals(work.Path, "no_candidate_passed", NullHandling);

        var (patch, trajectory) = await ImproveAsync(work.Path, self, evals, seed: 7);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "+++ b/Repair/Operators.cs");
        Assert.AreEqual(1, Regex.Count(patch, "^\\+\\+\\+ ", RegexOptions.Multiline), "what it learnt is one line of Operators.All:\n" + patch);
        StringAssert.Contains(patch, "+        (\"null-conditional\", Rewrites.NullSafe([");
        var diagnosis = trajectory.RootElement.GetProperty("diagnosis");
        foreach (var field in new[] { "log_summarization", "potential_improvements", "improvement_proposal", "implementation_suggestion", "problem_description" })
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(diagnosis.GetProperty(field).GetString()), field);
        }

        StringAssert.Contains(diagnosis.GetProperty("log_summarization").GetString(), "csv-reader-empty-field");
        StringAssert.Contains(trajectory.RootElement.GetProperty("problem_statement").GetString(), "null-conditional");
        var (exit, output) = await RunAsync(self, "dotnet", "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.AreEqual(0, exit, output);
    }

    [TestMethod]
    public async Task Improve_honours_the_seed_the_same_seed_gives_the_same_edit_and_another_seed_a_different_one()
    {
        using var work = new Scratch();
        var evals = Evals(work.Path, "no_candidate_passed", NullHandling);

        var first = (await ImproveAsync(work.Path, AgentProcess.CopySource(work.Path, "a"), evals, seed: 1)).Patch;
        var again = (await ImproveAsync(work.Path, AgentProcess.CopySource(work.Path, "b"), evals, seed: 1)).Patch;
        var other = (await ImproveAsync(work.Path, AgentProcess.CopySource(work.Path, "c"), evals, seed: 2)).Patch;

        Assert.AreNotEqual("", first);
        Assert.AreEqual(first, again);
        Assert.AreNotEqual(first, other, "siblings from one parent can differ: the seed draws the grammar's parameters");
    }

    [TestMethod]
    public async Task A_learned_operator_repairs_a_task_the_seed_operators_cannot_and_the_harness_grades_it_resolved()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var (patch, _) = await ImproveAsync(work.Path, self, Evals(work.Path, "no_candidate_passed", NullHandling), seed: 1);
        StringAssert.Contains(patch, "Rewrites.NullSafe([\"\\\"\\\"\"", "seed 1 draws the empty string among the defaults");
        var (built, output) = await RunAsync(self, "dotnet", "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.AreEqual(0, built, output);
        var task = TaskLoader.Load(Path.Combine(Repo.Suites, "dgm-bugs", "csv-reader-empty-field"));

        var (seedPatch, seedTrajectory) = await SolveAsync(AgentProcess.Dll, task, Path.Combine(work.Path, "seed"));
        var (childPatch, childTrajectory) = await SolveAsync(Path.Combine(self, "bin", "Debug", "net10.0", "Dgm.Agent.dll"), task, Path.Combine(work.Path, "child"));

        Assert.AreEqual("", seedPatch);
        Assert.AreEqual("no_candidate_passed", Stop(seedTrajectory), Notes(seedTrajectory));
        Assert.AreEqual("plausible_patch", Stop(childTrajectory), Notes(childTrajectory));
        StringAssert.Contains(Notes(childTrajectory), "stop: plausible_patch: [null-conditional]");
        var report = await (await GradingFixture.GraderAsync()).GradeAsync(task, childPatch, CancellationToken.None);
        Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
    }

    [TestMethod]
    public async Task Improve_adds_a_reproducer_when_no_visible_test_failed_and_the_child_repairs_from_the_problem_statements_examples()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var (patch, trajectory) = await ImproveAsync(work.Path, self, Evals(work.Path, "no_failing_test", "pagination-next-on-last-page", "statistics-mode-tie-break"), seed: 1);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "+        (\"problem-examples\", Reproduce.Examples(throwExamples: true, ", "seed 1 draws the throw examples too");
        var (built, output) = await RunAsync(self, "dotnet", "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.AreEqual(0, built, output);
        var child = Path.Combine(self, "bin", "Debug", "net10.0", "Dgm.Agent.dll");
        var grader = await GradingFixture.GraderAsync();

        // A fenced example with "// expected false, actual true", and a "`Type.Call(x)` throws" sentence.
        foreach (var (name, note) in new[] { ("pagination-next-on-last-page", "tests/Pagination.Tests/ProblemStatementExamples.cs"), ("roman-numerals-subtractive", "tests/Numerals.Tests/ProblemStatementExamples.cs") })
        {
            var task = TaskLoader.Load(Path.Combine(Repo.Suites, "dgm-bugs", name));
            var (seedPatch, seedTrajectory) = await SolveAsync(AgentProcess.Dll, task, Path.Combine(work.Path, "seed-" + name));
            var (childPatch, childTrajectory) = await SolveAsync(child, task, Path.Combine(work.Path, "child-" + name));

            Assert.AreEqual("no_failing_test", Stop(seedTrajectory), Notes(seedTrajectory));
            Assert.AreEqual("", seedPatch);
            Assert.AreEqual("plausible_patch", Stop(childTrajectory), Notes(childTrajectory));
            StringAssert.Contains(Notes(childTrajectory), $"reproducer [problem-examples] wrote {note}");
            Assert.DoesNotContain("ProblemStatementExamples", childPatch, "the written test guided the repair; the patch is the fix alone");
            var report = await grader.GradeAsync(task, childPatch, CancellationToken.None);
            Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
        }
    }

    [TestMethod]
    public async Task Improve_can_add_a_reproducer_of_the_problem_statements_claims_and_the_child_repairs_from_a_sentence_that_says_what_a_call_returns()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var (patch, trajectory) = await ImproveAsync(work.Path, self, Evals(work.Path, "no_failing_test", "retry-backoff-cap", "bounded-stack-empty-pop"), seed: ClaimsSeed);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "+        (\"problem-claims\", Reproduce.Claims(negateStated: ");
        var (built, output) = await RunAsync(self, "dotnet", "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.AreEqual(0, built, output);

        // No visible test fails; the statement says what a call returns and what was meant. A claim about a variable
        // of the prose (`votes.Count(2)`) cannot stand alone in a test and is left out (it would not build).
        var task = GradingFixture.DateRange;
        var repo = Path.Combine(work.Path, "claims", "repo");
        Dgm.Sandbox.FileTree.Copy(task.RepoDir, repo, followLinks: false);
        var range = Path.Combine(repo, "src", "Ranges", "DateRange.cs");
        File.WriteAllText(range, File.ReadAllText(range).Replace("End.DayNumber - Start.DayNumber;", "End.DayNumber - Start.DayNumber + 1;", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(repo, "src", "Ranges", "Votes.cs"), """
            namespace Ranges;

            public static class Votes
            {
                public static bool IsMajority(int votes, int total) => votes * 2 >= total;
            }
            """);
        var problem = Path.Combine(work.Path, "claims", "problem.md");
        File.WriteAllText(problem, """
            # A tie counts as a majority

            `Votes.IsMajority(2, 4)` returns true instead of false: two votes of four are a tie. And
            `votes.Count(2)` returns 3 instead of 2 in our dashboard.
            """);
        var child = Path.Combine(self, "bin", "Debug", "net10.0", "Dgm.Agent.dll");
        var (exit, stderr) = await AgentProcess.RunBuildAsync(child, new Dictionary<string, string>(), "solve", "--repo", repo, "--problem", problem, "--out", Path.Combine(work.Path, "claims", "out.patch"), "--log", Path.Combine(work.Path, "claims", "t.json"));
        Assert.AreEqual(0, exit, stderr);
        using var solved = JsonDocument.Parse(File.ReadAllText(Path.Combine(work.Path, "claims", "t.json")));
        var childPatch = File.ReadAllText(Path.Combine(work.Path, "claims", "out.patch"));

        Assert.AreEqual("plausible_patch", Stop(solved), Notes(solved));
        StringAssert.Contains(Notes(solved), "reproducer [problem-claims] wrote tests/Ranges.Tests/ProblemStatementClaims.cs: failing now: ");
        StringAssert.Contains(childPatch, "+    public static bool IsMajority(int votes, int total) => votes * 2 > total;");
        Assert.DoesNotContain("ProblemStatementClaims", childPatch, "the written test guided the repair; the patch is the fix alone");
    }

    /// <summary>A seed whose draw, for two tasks where no visible test failed, is the claims reproducer.</summary>
    private const int ClaimsSeed = 7;

    [TestMethod]
    public async Task Improve_can_add_a_reproducer_of_the_assertions_a_problem_statement_quotes_and_the_child_repairs_from_the_quoted_tests_fixtures()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var (patch, trajectory) = await ImproveAsync(work.Path, self, Evals(work.Path, "no_failing_test", "retry-backoff-cap", "bounded-stack-empty-pop"), seed: AssertionsSeed);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "+        (\"problem-assertions\", Reproduce.Assertions(classMembers: true, ");
        var (built, output) = await RunAsync(self, "dotnet", "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.AreEqual(0, built, output);

        // The failing test is not visible; the statement quotes its message, which ends with its assertion. The
        // assertion reads a field of the test class (`January`), so it runs in a copy of that class. An assertion
        // cut short (…) and one on a local variable of the test (`range`) cannot be rebuilt and are left out.
        var task = GradingFixture.DateRange;
        var repo = Path.Combine(work.Path, "assertions", "repo");
        Dgm.Sandbox.FileTree.Copy(task.RepoDir, repo, followLinks: false);
        var tests = Path.Combine(repo, "tests", "Ranges.Tests", "DateRangeTests.cs");
        File.WriteAllText(tests, File.ReadAllText(tests).Replace("    [TestMethod]\n    public void Days_CountsBothEnds() => Assert.AreEqual(31, January.Days);\n", "", StringComparison.Ordinal));
        StringAssert.DoesNotMatch(File.ReadAllText(tests), new System.Text.RegularExpressions.Regex("Days_CountsBothEnds"));
        var problem = Path.Combine(work.Path, "assertions", "problem.md");
        File.WriteAllText(problem, """
            # Days counts both ends: it no longer holds

            2 tests fail, among them `DateRangeTests.Days_CountsBothEnds`.

            `DateRangeTests.Days_CountsBothEnds` (days counts both ends):

                Assertion failed. Expected values to be equal.  expected: 31 actual:   30  Assert.AreEqual(31, January.Days)

            `DateRangeTests.Days_OfALeapFebruary` (days of a leap february):

                Assertion failed. Expected values to be equal.  expected: 29 actual:   28  Assert.AreEqual(29, new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)).Da …

            `DateRangeTests.Days_OfOneDay` (days of one day):

                Assertion failed. Expected values to be equal.  expected: 1 actual:   0  Assert.AreEqual(1, range.Days)
            """);
        var child = Path.Combine(self, "bin", "Debug", "net10.0", "Dgm.Agent.dll");
        var (seedPatch, seedTrajectory) = await SolveAsync(AgentProcess.Dll, repo, problem, Path.Combine(work.Path, "assertions-seed"));
        var (childPatch, childTrajectory) = await SolveAsync(child, repo, problem, Path.Combine(work.Path, "assertions-child"));

        Assert.AreEqual("no_failing_test", Stop(seedTrajectory), Notes(seedTrajectory));
        Assert.AreEqual("", seedPatch);
        Assert.AreEqual("plausible_patch", Stop(childTrajectory), Notes(childTrajectory));
        StringAssert.Contains(Notes(childTrajectory), "reproducer [problem-assertions] wrote tests/Ranges.Tests/ProblemStatementAssertions.cs: failing now: Ranges.Tests.DateRangeTestsReproduced.Quoted1");
        Assert.DoesNotContain("Quoted2", Notes(childTrajectory), "the cut and the local assertions are left out");
        Assert.DoesNotContain("ProblemStatementAssertions", childPatch, "the written test guided the repair; the patch is the fix alone");
        var report = await (await GradingFixture.GraderAsync()).GradeAsync(task, childPatch, CancellationToken.None);
        Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
    }

    /// <summary>A seed whose draw, for two tasks where no visible test failed, is the assertions reproducer with the class's members.</summary>
    private const int AssertionsSeed = 46;

    [TestMethod]
    public async Task Improve_stops_with_a_clear_reason_and_no_edit_when_the_logs_are_missing_or_garbled()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var garbled = Directory.CreateDirectory(Path.Combine(work.Path, "garbled")).FullName;
        File.WriteAllText(Path.Combine(garbled, "summary.json"), "{ not json");
        Directory.CreateDirectory(Path.Combine(garbled, "t1"));
        File.WriteAllText(Path.Combine(garbled, "t1", "trajectory.json"), "[1, 2");
        var odd = Directory.CreateDirectory(Path.Combine(work.Path, "odd")).FullName;
        File.WriteAllText(Path.Combine(odd, "summary.json"), """{"tasks": [1, "x", {"task": 5}, {"task": "../../etc", "resolved": "yes", "stop_reason": 3, "failed_tests": "none"}]}""");

        foreach (var evals in new[] { Path.Combine(work.Path, "missing"), garbled, odd })
        {
            var (patch, trajectory) = await ImproveAsync(work.Path, self, evals, seed: 1);

            Assert.AreEqual("", patch, evals);
            Assert.AreEqual("nothing_to_improve", Stop(trajectory), Notes(trajectory));
            Assert.AreEqual("none", trajectory.RootElement.GetProperty("diagnosis").GetProperty("improvement_proposal").GetString());
        }
    }

    [TestMethod]
    public async Task A_lineage_keeps_finding_different_building_edits_after_every_family_is_in_and_they_are_lines_of_code()
    {
        // One failure pointing at each family; each generation commits its child and improves again. The old closed
        // grammar ran out after five generations; now families come again with other parameters, operators are
        // narrowed or paired, and the improver tunes its own weights.
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var evals = Evals(work.Path, "no_candidate_passed", "csv-reader-empty-field", "csv-export-decimal-separator", "roman-numerals-parse-exception", "ring-buffer-indexer-after-pop", "inventory-release-reservation");
        var changes = new List<string>();
        for (var generation = 1; generation <= 8; generation++)
        {
            var (patch, trajectory) = await ImproveAsync(work.Path, self, evals, seed: generation);
            Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
            Assert.AreNotEqual("", patch);
            Assert.DoesNotContain("+++ b/Repair/Learned", patch, "a learned operator is a line of code, not a generated file");
            changes.Add(trajectory.RootElement.GetProperty("diagnosis").GetProperty("implementation_suggestion").GetString()!);

            // The improve staged its diff; the child becomes the next generation's parent.
            Assert.AreEqual(0, (await RunAsync(self, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", $"generation {generation}")).Exit);
        }

        Assert.AreEqual(changes.Count, changes.Distinct().Count(), string.Join("\n", changes));
        var operators = File.ReadAllText(Path.Combine(self, "Repair", "Operators.cs"));
        Assert.IsTrue(Regex.Count(operators, "\\(\"[a-z-]+(-\\d+)?\", Rewrites\\.") > 8, operators);
        var (exit, output) = await RunAsync(self, "dotnet", "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.AreEqual(0, exit, output);
    }

    [TestMethod]
    public async Task Improve_reorders_the_operators_by_observed_success()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var evals = Evals(work.Path, "plausible_patch", "date-range-inclusive-days");
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(evals, "summary.json")))!;
        summary["tasks"]![0]!["resolved"] = true;
        File.WriteAllText(Path.Combine(evals, "summary.json"), summary.ToJsonString());
        File.WriteAllText(Path.Combine(evals, "date-range-inclusive-days", "trajectory.json"), """
            {"stop_reason": "plausible_patch", "notes": ["candidate 1 [comparison] Days: x: 1 failing (90 ms)", "candidate 2 [bound-by-one] Days: y: pass (80 ms)", "stop: plausible_patch: [bound-by-one] Days: y passes all 4 visible tests"]}
            """);

        var (patch, trajectory) = await ImproveAsync(work.Path, self, evals, seed: 1);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "-        (\"comparison\", Rewrites.Binary(");
        StringAssert.Contains(patch, "         (\"bound-by-one\", Rewrites.Offset(1)),\n+        (\"comparison\", Rewrites.Binary(");
    }

    [TestMethod]
    public async Task When_the_budget_ran_out_improve_raises_it_narrows_an_operator_to_some_sites_or_pairs_two_and_each_child_builds()
    {
        // The problems point at no family; the seed draws among the proposals (the improver's build check passed for each).
        using var work = new Scratch();
        var evals = Evals(work.Path, "budget", "binary-search-upper-bound", "lru-cache-capacity", "leap-year-century", "semver-prerelease-order");

        var (raised, trajectory) = await ImproveAsync(work.Path, AgentProcess.CopySource(work.Path, "raise"), evals, seed: 5);
        var (narrowed, narrowing) = await ImproveAsync(work.Path, AgentProcess.CopySource(work.Path, "narrow"), evals, seed: 2);
        var (paired, pairing) = await ImproveAsync(work.Path, AgentProcess.CopySource(work.Path, "pair"), evals, seed: 8);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(trajectory.RootElement.GetProperty("diagnosis").GetProperty("potential_improvements").GetString(), "try more candidates (weight 4");
        StringAssert.Matches(raised, new Regex(@"\+public sealed record RepairBudget\(int Suspects = 6, int MaxCandidates = (375|500),"));
        Assert.AreEqual("improved", Stop(narrowing), Notes(narrowing));
        StringAssert.Contains(narrowed, "+        (\"comparison\", Rewrites.Where(Rewrites.Binary((\"<\", \"<=\"), (\"<=\", \"<\"), (\">\", \">=\"), (\">=\", \">\")), Sites.", "the operator whose candidates spent the budget");
        Assert.AreEqual("improved", Stop(pairing), Notes(pairing));
        StringAssert.Contains(paired, "+        (\"pair-1\", Rewrites.Pair(Rewrites.");
    }

    [TestMethod]
    public async Task Improve_diagnoses_the_ancestors_logs_too_and_a_task_counts_as_its_nearest_log_saw_it()
    {
        // The parent resolved its one task: alone, its logs show nothing to improve. Its parent's parent failed
        // on three null-handling tasks, one of them the task the parent has since resolved.
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var evals = EvalsIn(Path.Combine(work.Path, "parent"), "plausible_patch", NullHandling[0]);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(evals, "summary.json")))!;
        summary["tasks"]![0]!["resolved"] = true;
        File.WriteAllText(Path.Combine(evals, "summary.json"), summary.ToJsonString());
        var lineage = Path.Combine(work.Path, "lineage");
        EvalsIn(Path.Combine(lineage, "01-1"), "no_candidate_passed", NullHandling);

        var (alone, aloneTrajectory) = await ImproveAsync(work.Path, self, evals, seed: 7);
        Assert.AreEqual("nothing_to_improve", Stop(aloneTrajectory), Notes(aloneTrajectory));
        Assert.AreEqual("", alone);

        var (patch, trajectory) = await ImproveAsync(work.Path, self, evals, seed: 7, lineage);

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "+        (\"null-conditional\", Rewrites.NullSafe([");
        var read = trajectory.RootElement.GetProperty("diagnosis").GetProperty("log_summarization").GetString()!;
        StringAssert.Contains(read, "3 task(s) evaluated, 1 resolved (2 of them as the lineage's ancestors saw them)");
        StringAssert.Contains(read, NullHandling[1]);
        var stuck = string.Join('\n', read.Split('\n').Where(l => l.StartsWith("no candidate passed", StringComparison.Ordinal)));
        StringAssert.Contains(stuck, NullHandling[2]);
        Assert.DoesNotContain(NullHandling[0], stuck, "the parent's log of a task wins over an older one");
    }

    [TestMethod]
    public async Task Improve_takes_in_an_operator_another_agent_of_the_archive_has_and_one_it_has_already_is_not_offered()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);
        var evals = Evals(work.Path, "no_candidate_passed", "binary-search-upper-bound", "lru-cache-capacity");
        var operators = File.ReadAllText(Path.Combine(self, "Repair", "Operators.cs"));
        var donor = Directory.CreateDirectory(Path.Combine(work.Path, "archive", "01-7", "Repair")).FullName;
        File.WriteAllText(Path.Combine(donor, "Operators.cs"), operators.Replace(
            "(\"negate-condition\", Rewrites.NegateIf()),", "(\"negate-condition\", Rewrites.NegateIf()),\n        (\"flip-ones\", Rewrites.Flip()),", StringComparison.Ordinal));

        var (patch, trajectory) = await ImproveAsync(work.Path, self, evals, seed: 2, archive: Path.Combine(work.Path, "archive"));

        Assert.AreEqual("improved", Stop(trajectory), Notes(trajectory));
        StringAssert.Contains(patch, "+        (\"flip-ones\", Rewrites.Flip()),", "seed 2 draws the recombination");
        var diagnosis = trajectory.RootElement.GetProperty("diagnosis");
        StringAssert.Contains(diagnosis.GetProperty("log_summarization").GetString(), "operators other agents of the archive have and this one lacks: flip-ones");
        Assert.DoesNotContain("negate-condition", diagnosis.GetProperty("log_summarization").GetString()!.Split('\n').Last(l => l.StartsWith("operators other agents", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task The_declared_mutation_surface_is_found_in_the_seed_and_a_rename_breaks_its_check()
    {
        using var work = new Scratch();
        var self = AgentProcess.CopySource(work.Path);

        var (exit, output) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "surface", "--self", self], work.Path);

        Assert.AreEqual(0, exit, output);
        foreach (var site in new[] { "Operators.All\tlist\tcomparison, bound-by-one", "RepairBudget.MaxCandidates\tbudget\t250", "Localizer.CalleeWeight\tconstant\t0.3", "Strategy.Reach\tconstant\t10" })
        {
            StringAssert.Contains(output, site);
        }

        var localizer = Path.Combine(self, "Repair", "Localizer.cs");
        File.WriteAllText(localizer, File.ReadAllText(localizer).Replace("CalleeWeight", "CallWeight", StringComparison.Ordinal));
        var (renamedExit, renamed) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "surface", "--self", self], work.Path);

        Assert.AreEqual(1, renamedExit, renamed);
        StringAssert.Contains(renamed, "Localizer.CalleeWeight\tconstant\tMISSING");
    }

    /// <summary>Evaluation logs in the loop's contract: every task unresolved with the stop reason, its problem from the suite.</summary>
    private static string Evals(string work, string stopReason, params string[] tasks) => EvalsIn(Path.Combine(work, "evals"), stopReason, tasks);

    private static string EvalsIn(string dir, string stopReason, params string[] tasks)
    {
        var evals = Directory.CreateDirectory(dir).FullName;
        var entries = new JsonArray();
        foreach (var task in tasks)
        {
            var folder = Directory.CreateDirectory(Path.Combine(evals, task)).FullName;
            var problem = File.ReadAllText(Path.Combine(Repo.Suites, "dgm-bugs", task, "problem.md"));
            File.WriteAllText(Path.Combine(folder, "problem.md"), problem);
            File.WriteAllText(Path.Combine(folder, "patch.diff"), "");

            // The suspects include every member the problem names: localization is not what failed here.
            var suspects = Regex.Matches(problem, @"\b([A-Z]\w*)\(").Select(m => m.Groups[1].Value).Append("Parse").Distinct().Select(n => $"{n} (1)");
            var notes = new JsonArray("visible tests: 6, failing: 2", $"suspects in Lib: {string.Join(", ", suspects)}", "candidate 1 [comparison] Parse: 'a < b' -> 'a <= b': 2 failing (120 ms)", $"stop: {stopReason}: 40 candidates tried");
            File.WriteAllText(Path.Combine(folder, "trajectory.json"), new JsonObject { ["stop_reason"] = stopReason, ["notes"] = notes }.ToJsonString());
            entries.Add(new JsonObject { ["task"] = task, ["split"] = "train", ["status"] = "unresolved", ["resolved"] = false, ["patch_exists"] = false, ["stop_reason"] = stopReason, ["failed_tests"] = new JsonArray() });
        }

        File.WriteAllText(Path.Combine(evals, "summary.json"), new JsonObject { ["node"] = "0", ["score"] = 0.0, ["tasks"] = entries }.ToJsonString());
        return evals;
    }

    private static async Task<(string Patch, JsonDocument Trajectory)> ImproveAsync(string work, string self, string evals, int seed, string? lineage = null, string? archive = null)
    {
        var name = $"{Path.GetFileName(self)}-{Path.GetFileName(evals)}-{seed}";
        var patch = Path.Combine(work, name + ".patch");
        var log = Path.Combine(work, name + ".json");
        string[] reach = [.. lineage is null ? [] : new[] { "--lineage", lineage }, .. archive is null ? [] : new[] { "--archive", archive }];
        var (exit, stderr) = await AgentProcess.RunAsync(
            new Dictionary<string, string>(),
            ["improve", "--self", self, "--evals", evals, "--out", patch, "--log", log, "--model", "heuristic", "--seed", seed.ToString(CultureInfo.InvariantCulture), .. reach]);
        Assert.AreEqual(0, exit, stderr);
        return (File.ReadAllText(patch), JsonDocument.Parse(File.ReadAllText(log)));
    }

    private static Task<(string Patch, JsonDocument Trajectory)> SolveAsync(string dll, BenchTask task, string work) => SolveAsync(dll, task.RepoDir, task.ProblemPath, work);

    private static async Task<(string Patch, JsonDocument Trajectory)> SolveAsync(string dll, string source, string problem, string work)
    {
        var repo = Path.Combine(work, "repo");
        Dgm.Sandbox.FileTree.Copy(source, repo, followLinks: false);
        var (exit, stderr) = await AgentProcess.RunBuildAsync(dll, new Dictionary<string, string>(), "solve", "--repo", repo, "--problem", problem, "--out", Path.Combine(work, "out.patch"), "--log", Path.Combine(work, "t.json"));
        Assert.AreEqual(0, exit, stderr);
        return (File.ReadAllText(Path.Combine(work, "out.patch")), JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "t.json"))));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string folder, string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string? Stop(JsonDocument trajectory) => trajectory.RootElement.GetProperty("stop_reason").GetString();

    private static string Notes(JsonDocument trajectory) =>
        string.Join('\n', trajectory.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));

    /// <summary>A temporary folder, deleted at the end of the test.</summary>
    private sealed class Scratch : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dgm-improve-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
