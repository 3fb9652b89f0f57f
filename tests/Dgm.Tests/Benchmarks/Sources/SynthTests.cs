using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Sources.Synth;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Support;
using static Dgm.Tests.Support.ExternalRepo;

namespace Dgm.Tests.Benchmarks.Sources;

/// <summary>`dgm bench synth` on a repository the test writes: the tasks it makes validate, say nothing of the fix, and come out the same twice.</summary>
[TestClass]
public sealed class SynthTests
{
    private const string Library = """
        namespace Shop;

        public static class Pricing
        {
            public static decimal Discount(decimal total) => total >= 100 ? total / 10 : 0;

            public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

            public static bool IsWeekend(DayOfWeek day) => day == DayOfWeek.Saturday || day == DayOfWeek.Sunday;

            public static string Initials(string name) =>
                string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0])));
        }
        """;

    private const string Tests = """
        namespace Shop.Tests;

        [TestClass]
        public sealed class PricingTests
        {
            [TestMethod]
            public void SmallOrdersGetNoDiscount() => Assert.AreEqual(0m, Pricing.Discount(99));

            [TestMethod]
            public void LargeOrdersGetATenth() => Assert.AreEqual(20m, Pricing.Discount(200));

            [TestMethod]
            public void TheThresholdItselfIsDiscounted() => Assert.AreEqual(10m, Pricing.Discount(100));

            [TestMethod]
            public void ClampKeepsValuesInside() => Assert.AreEqual(5, Pricing.Clamp(5, 0, 10));

            [TestMethod]
            public void ClampRaisesLowValues() => Assert.AreEqual(0, Pricing.Clamp(-3, 0, 10));

            [TestMethod]
            public void ClampLowersHighValues() => Assert.AreEqual(10, Pricing.Clamp(30, 0, 10));

            [TestMethod]
            public void SundayIsWeekend() => Assert.IsTrue(Pricing.IsWeekend(DayOfWeek.Sunday));

            [TestMethod]
            public void MondayIsNot() => Assert.IsFalse(Pricing.IsWeekend(DayOfWeek.Monday));

            [TestMethod]
            public void InitialsAreCapitals() => Assert.AreEqual("AL", Pricing.Initials("ada lovelace"));
        }
        """;

    [TestMethod]
    public void Mutations_cover_the_families_and_list_the_same_sites_in_the_same_order_every_time()
    {
        var first = Mutations.Find("src/Shop/Pricing.cs", Library);
        var again = Mutations.Find("src/Shop/Pricing.cs", Library);

        CollectionAssert.AreEqual(first.ToList(), again.ToList());
        var families = first.Select(m => m.Family).ToHashSet();
        foreach (var family in new[] { "relational", "arithmetic", "equality", "logical", "constant", "conditional", "method-swap" })
        {
            Assert.IsTrue(families.Contains(family), $"{family} missing from {string.Join(", ", families)}");
        }

        Assert.IsTrue(first.All(m => m.Member.StartsWith("Pricing.", StringComparison.Ordinal)));
        var clamp = first.First(m => m.Member == "Pricing.Clamp" && m.Family == "relational");
        StringAssert.Contains(clamp.Apply(Library), "value <= min ? min");
    }

    [TestMethod]
    public void A_problem_statement_quotes_what_a_test_said_but_never_the_stack_frames_that_locate_the_bug()
    {
        var problem = ProblemWriter.Write(
            ["Hours.Tests.WeeklyHoursTests.Add_RejectsOverlappingWindow"],
            new Dictionary<string, string>
            {
                ["Hours.Tests.WeeklyHoursTests.Add_RejectsOverlappingWindow"] = "Expected exception of exact type InvalidOperationException but caught ArgumentException. actual exception: System.ArgumentException: 16:00-18:00 overlaps.\n   at Hours.WeeklyHours.Add(DayOfWeek day) in /work/src/Hours/WeeklyHours.cs:line 42\n   at Hours.Tests.WeeklyHoursTests.Add_RejectsOverlappingWindow()",
            });

        StringAssert.Contains(problem, "`WeeklyHoursTests.Add_RejectsOverlappingWindow` fails");
        StringAssert.Contains(problem, "but caught ArgumentException");
        Assert.IsFalse(problem.Contains("WeeklyHours.cs", StringComparison.Ordinal) || problem.Contains("line 42", StringComparison.Ordinal) || problem.Contains("WeeklyHours.Add(", StringComparison.Ordinal), problem);
    }

    [TestMethod]
    public async Task Synthesized_tasks_validate_describe_only_the_failing_behaviour_and_are_byte_identical_for_the_same_seed()
    {
        var work = Directory.CreateTempSubdirectory("dgm-synth-test-").FullName;
        try
        {
            var repo = Path.Combine(work, "shop");
            Put(Path.Combine(repo, "src", "Shop", "Shop.csproj"), ExternalRepo.LibraryProject);
            Put(Path.Combine(repo, "src", "Shop", "Pricing.cs"), Library);
            Put(Path.Combine(repo, "tests", "Shop.Tests", "Shop.Tests.csproj"), ExternalRepo.MSTestProject("../../src/Shop/Shop.csproj"));
            Put(Path.Combine(repo, "tests", "Shop.Tests", "PricingTests.cs"), Tests);

            // A test no grade may run (it needs the network): were it run, it would end the test process.
            Put(Path.Combine(repo, "tests", "Shop.Tests", "NetworkTests.cs"), "namespace Shop.Tests;\n\n[TestClass]\npublic sealed class NetworkTests\n{\n    [TestMethod]\n    public void FetchesRates() => Environment.FailFast(\"needs the network\");\n}\n");
            string[] Args(string output) => ["bench", "synth", "--repo", repo, "--out", output, "--seed", "3", "--max", "2", "--candidates", "12", "--workers", "2", "--prefix", "shop", "--exclude-tests", "Shop.Tests.Network*"];

            var (exit, output, error) = await DgmCli.RunAsync(Args(Path.Combine(work, "suite")));

            Assert.AreEqual(0, exit, output + error);
            StringAssert.Contains(output, "the clean repository passes its 9 tests (run 2 of 2)");
            StringAssert.Contains(output, "2 tasks written to");
            var suite = Suite.Load(Path.Combine(work, "suite"));
            Assert.AreEqual(2, suite.Tasks.Count);
            foreach (var task in suite.Tasks)
            {
                Assert.IsTrue(task.Spec.FailToPass.Count >= 1 && task.Spec.PassToPass.Count >= 1, task.Id);
                CollectionAssert.AreEqual(new[] { "Shop.Tests.Network*" }, task.Spec.ExcludeTests.ToArray(), task.Id);
                var removed = task.GoldPatch.Split('\n').Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)).Select(l => l[1..].Trim()).Where(l => l.Length > 0);
                Assert.IsFalse(removed.Any(l => task.ProblemStatement.Contains(l, StringComparison.Ordinal)), $"{task.Id}: the problem statement quotes the buggy line\n{task.ProblemStatement}");
                StringAssert.Contains(task.ProblemStatement, task.Spec.FailToPass[0].Split('.')[^1]);
                StringAssert.Contains(task.ProblemStatement, "Assert", "what the failing test said (the grader's failure messages)");
                Assert.AreEqual(Tests, File.ReadAllText(Path.Combine(task.HiddenDir, "tests", "Shop.Tests", "PricingTests.cs")), "hidden: every test");
                var visible = File.ReadAllText(Path.Combine(task.RepoDir, "tests", "Shop.Tests", "PricingTests.cs"));
                Assert.AreEqual(task.Spec.Tags.VisibleRepro ? 1 : 0, task.Spec.FailToPass.Count(t => visible.Contains(" " + t.Split('.')[^1] + "()", StringComparison.Ordinal)), task.Id);
            }

            var (valid, validation, validationError) = await DgmCli.RunAsync("bench", "validate", "--suite", Path.Combine(work, "suite"), "--workers", "2");
            Assert.AreEqual(0, valid, validation + validationError);
            StringAssert.Contains(validation, "2 of 2 tasks valid");

            // The same repository, seed and options: the same bytes.
            var (again, againOutput, againError) = await DgmCli.RunAsync(Args(Path.Combine(work, "again")));
            Assert.AreEqual(0, again, againOutput + againError);
            var first = Snapshot(Path.Combine(work, "suite"));
            var second = Snapshot(Path.Combine(work, "again"));
            CollectionAssert.AreEqual(first.Keys.ToList(), second.Keys.ToList());
            foreach (var (path, bytes) in first)
            {
                CollectionAssert.AreEqual(bytes, second[path], path);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public void A_mutant_whose_tests_run_out_of_memory_or_stack_makes_no_task_since_how_it_fails_depends_on_the_machine()
    {
        TaskReport Report(string message) => new()
        {
            InstanceId = "probe",
            Status = GradeStatus.Unresolved,
            Tests = new Dictionary<string, TestStatus> { ["T.Fails"] = TestStatus.Failed, ["T.Passes"] = TestStatus.Passed, ["T.AlsoPasses"] = TestStatus.Passed },
            Failures = new Dictionary<string, string> { ["T.Fails"] = message },
        };

        Assert.IsNull(TaskSynthesizer.Rejection(Report("Assert.AreEqual failed. Expected:<3>. Actual:<-1>."), 3, 0.6), "a plain failure makes a task");
        foreach (var message in new[]
        {
            "Test method T.Fails threw exception: System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
            "Test method T.Fails threw exception: System.InsufficientExecutionStackException: Insufficient stack to continue executing the program safely.",
        })
        {
            Assert.AreEqual("a test runs out of memory or stack", TaskSynthesizer.Rejection(Report(message), 3, 0.6), message);
        }

        var killed = Report("") with { Tests = new Dictionary<string, TestStatus> { ["T.Fails"] = TestStatus.Missing, ["T.Passes"] = TestStatus.Passed } };
        Assert.AreEqual("a test is missing or timed out", TaskSynthesizer.Rejection(killed, 2, 0.6), "the test process killed midway");
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

}
