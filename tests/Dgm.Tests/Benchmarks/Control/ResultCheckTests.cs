using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Grading;

namespace Dgm.Tests.Benchmarks.Control;

/// <summary>The cross-checks on a test run's evidence, each with the forgery it catches.</summary>
[TestClass]
public sealed class ResultCheckTests
{
    private static readonly Tripwire Wire = Tripwire.Create();

    private static readonly string[] Declared = ["Lib.Tests.T.Works", "Lib.Tests.T.Breaks", Wire.MustFail, Wire.MustPass];

    [TestMethod]
    public void An_honest_run_gives_per_test_results_without_the_tripwire()
    {
        var result = ResultCheck.Check(Evidence(2, Honest(), Console("Breaks")));

        Assert.IsNull(result.Tampered, result.Tampered);
        Assert.IsNull(result.Error);
        CollectionAssert.AreEquivalent(new[] { "Lib.Tests.T.Works", "Lib.Tests.T.Breaks" }, result.Results.Keys.ToArray());
        Assert.AreEqual(TestStatus.Failed, result.Results["Lib.Tests.T.Breaks"]);
    }

    [TestMethod]
    public void A_blanket_rewrite_to_passed_trips_the_failing_tripwire()
    {
        var result = ResultCheck.Check(Evidence(2, Honest().Replace("Failed", "Passed", StringComparison.Ordinal), Console("Breaks")));

        StringAssert.Contains(result.Tampered, "always fails");
    }

    [TestMethod]
    public void A_forged_all_passed_file_without_the_token_is_tampered()
    {
        var forged = Trx(("Lib.Tests.T.Works", "Passed", ""), ("Lib.Tests.T.Breaks", "Passed", ""), (Wire.MustFail, "Failed", ""), (Wire.MustPass, "Passed", "no token"));

        StringAssert.Contains(ResultCheck.Check(Evidence(2, forged, Console("Breaks"))).Tampered, "token");
    }

    [TestMethod]
    public void A_rewrite_of_known_tests_only_contradicts_what_the_console_showed()
    {
        var rewritten = Honest().Replace("testName=\"Breaks\" outcome=\"Failed\"", "testName=\"Breaks\" outcome=\"Passed\"", StringComparison.Ordinal);

        StringAssert.Contains(ResultCheck.Check(Evidence(2, rewritten, Console("Breaks"))).Tampered, "console reported 'Breaks' failed");
    }

    [TestMethod]
    public void Exit_code_zero_never_agrees_with_a_run_whose_tripwire_failed()
    {
        StringAssert.Contains(ResultCheck.Check(Evidence(0, Honest(), Console("Breaks"))).Tampered, "exit code 0");
        StringAssert.Contains(ResultCheck.Check(Evidence(0, null, "")).Tampered, "wrote no results");
    }

    [TestMethod]
    public void Results_that_name_other_tests_than_the_assembly_declares_are_tampered()
    {
        var extra = Honest().Replace("</Results>", "<UnitTestResult testId=\"x\" testName=\"Ghost\" outcome=\"Passed\" /></Results>", StringComparison.Ordinal)
            .Replace("</TestDefinitions>", "<UnitTest id=\"x\" name=\"Ghost\"><TestMethod className=\"Lib.Tests.T\" name=\"Ghost\" /></UnitTest></TestDefinitions>", StringComparison.Ordinal);
        var missing = Trx(("Lib.Tests.T.Works", "Passed", ""), (Wire.MustFail, "Failed", ""), (Wire.MustPass, "Passed", Wire.Token));

        StringAssert.Contains(ResultCheck.Check(Evidence(2, extra, Console("Breaks"))).Tampered, "does not declare: Lib.Tests.T.Ghost");
        StringAssert.Contains(ResultCheck.Check(Evidence(2, missing, Console())).Tampered, "leave out tests the test assembly declares: Lib.Tests.T.Breaks");
    }

    [TestMethod]
    public void A_test_the_task_excludes_is_not_expected_and_not_in_the_results_even_when_the_runner_ran_it()
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal) { "Lib.Tests.T.Works" };
        var leftOut = Trx(("Lib.Tests.T.Breaks", "Failed", ""), (Wire.MustFail, "Failed", ""), (Wire.MustPass, "Passed", Wire.Token));

        var honest = ResultCheck.Check(Evidence(2, leftOut, Console("Breaks")) with { Excluded = excluded });
        var ranAnyway = ResultCheck.Check(Evidence(2, Honest(), Console("Breaks")) with { Excluded = excluded });

        Assert.IsNull(honest.Tampered, honest.Tampered);
        CollectionAssert.AreEqual(new[] { "Lib.Tests.T.Breaks" }, honest.Results.Keys.ToArray());
        Assert.IsNull(ranAnyway.Tampered, ranAnyway.Tampered);
        CollectionAssert.AreEqual(new[] { "Lib.Tests.T.Breaks" }, ranAnyway.Results.Keys.ToArray());
        StringAssert.Contains(ResultCheck.Check(Evidence(2, leftOut, Console("Breaks"))).Tampered, "leave out tests the test assembly declares: Lib.Tests.T.Works", "without the exclusion the same run is missing a test");
    }

    [TestMethod]
    public void Results_that_stop_midway_are_an_error_when_the_test_process_crashed_and_tampered_when_it_says_it_finished()
    {
        // What the platform leaves when a test kills its process (FailFast, out of memory): the tests before it, exit code 7.
        var partial = Trx(("Lib.Tests.T.Works", "Passed", ""), (Wire.MustFail, "Failed", ""), (Wire.MustPass, "Passed", Wire.Token));
        var threeRan = "Test run summary: Failed!\n  error: 1\n\n  total: 3\n  failed: 1\n  succeeded: 2\n  skipped: 0\n";
        foreach (var crash in new[] { 7, 137, 134 })
        {
            var result = ResultCheck.Check(Evidence(crash, partial, threeRan));
            Assert.IsNull(result.Tampered, result.Tampered);
            StringAssert.Contains(result.Error, $"exit code {crash} before every test ran");
            StringAssert.Contains(result.Error, "Lib.Tests.T.Breaks");
            Assert.AreEqual(0, result.Results.Count, "no result of a crashed run is trusted");
        }

        // Even with every declared test passing in what was left, a crash exit code is never a pass.
        var allPassedButCrashed = Trx(("Lib.Tests.T.Works", "Passed", ""), ("Lib.Tests.T.Breaks", "Passed", ""), (Wire.MustFail, "Failed", ""), (Wire.MustPass, "Passed", Wire.Token));
        Assert.AreEqual(0, ResultCheck.Check(Evidence(7, allPassedButCrashed, threeRan.Replace("total: 3", "total: 4", StringComparison.Ordinal))).Results.Count);
        StringAssert.Contains(ResultCheck.Check(Evidence(0, partial, Console())).Tampered, "leave out tests");

        // A host the platform saw exit with code 0 midway was ended on purpose (the report it forged then replaced by the platform's).
        StringAssert.Contains(ResultCheck.Check(Evidence(7, partial, threeRan + "\nTest application process didn't exit gracefully, exit code is '0'\n")).Tampered, "exited with code 0");

        // A build that left the tripwire out declares none: results without it are never trusted, crash or not.
        var noWire = Trx(("Lib.Tests.T.Works", "Passed", ""), ("Lib.Tests.T.Breaks", "Failed", ""));
        var declaredWithoutWire = new TestEvidence(2, noWire, [], new HashSet<string> { "Lib.Tests.T.Works", "Lib.Tests.T.Breaks" }, Console("Breaks"), Wire);
        StringAssert.Contains(ResultCheck.Check(declaredWithoutWire).Tampered, "always fails is reported missing");
        var onlyFailing = Trx(("Lib.Tests.T.Works", "Passed", ""), ("Lib.Tests.T.Breaks", "Failed", ""), (Wire.MustFail, "Failed", ""));
        StringAssert.Contains(ResultCheck.Check(declaredWithoutWire with { Trx = onlyFailing, Declared = new HashSet<string> { "Lib.Tests.T.Works", "Lib.Tests.T.Breaks", Wire.MustFail } }).Tampered, "always passes");

        // A crash does not hide a forgery in what was left: the tripwire there must still be the true one.
        var forgedThenCrashed = Trx(("Lib.Tests.T.Works", "Passed", ""), (Wire.MustFail, "Passed", ""));
        StringAssert.Contains(ResultCheck.Check(Evidence(7, forgedThenCrashed, threeRan)).Tampered, "always fails is reported passed");
        var tokenless = Trx(("Lib.Tests.T.Works", "Passed", ""), (Wire.MustPass, "Passed", "no token"));
        StringAssert.Contains(ResultCheck.Check(Evidence(137, tokenless, threeRan)).Tampered, "token");
    }

    [TestMethod]
    public void A_second_trx_or_a_garbled_one_is_tampered_and_a_crash_is_an_error()
    {
        StringAssert.Contains(ResultCheck.Check(Evidence(2, Honest(), Console("Breaks")) with { OtherTrxFiles = ["forged.trx"] }).Tampered, "forged.trx");
        StringAssert.Contains(ResultCheck.Check(Evidence(2, "<TestRun", Console())).Tampered, "not valid XML");
        Assert.IsNull(ResultCheck.Check(Evidence(134, null, "")).Tampered);
        StringAssert.Contains(ResultCheck.Check(Evidence(134, null, "")).Error, "exit code 134");
        StringAssert.Contains(ResultCheck.Check(Evidence(134, Honest(), Console("Breaks"))).Error, "not trusted");
    }

    [TestMethod]
    public void A_data_row_failure_on_the_console_matches_its_row_in_the_trx()
    {
        var rows = Honest().Replace("testName=\"Breaks\"", "testName=\"Breaks (1,2)\"", StringComparison.Ordinal);
        var rewritten = rows.Replace("testName=\"Breaks (1,2)\" outcome=\"Failed\"", "testName=\"Breaks (1,2)\" outcome=\"Passed\"", StringComparison.Ordinal);

        Assert.IsNull(ResultCheck.Check(Evidence(2, rows, Console("Breaks (1,2)"))).Tampered);
        StringAssert.Contains(ResultCheck.Check(Evidence(2, rewritten, Console("Breaks (1,2)"))).Tampered, "'Breaks (1,2)' failed");
    }

    [TestMethod]
    public void The_console_summary_must_count_the_failures_the_trx_holds()
    {
        var summary = Console("Breaks").Replace("failed: 2", "failed: 3", StringComparison.Ordinal);

        StringAssert.Contains(ResultCheck.Check(Evidence(2, Honest(), summary)).Tampered, "summary counts 3 failed");
    }

    private static TestEvidence Evidence(int exitCode, string? trx, string output) =>
        new(exitCode, trx, [], Declared.ToHashSet(), output, Wire);

    private static string Honest() =>
        Trx(("Lib.Tests.T.Works", "Passed", ""), ("Lib.Tests.T.Breaks", "Failed", ""), (Wire.MustFail, "Failed", ""), (Wire.MustPass, "Passed", Wire.Token + "\n"));

    /// <summary>What Microsoft.Testing.Platform prints: one line per failure (the tripwire's too) and a summary.</summary>
    private static string Console(params string[] failed)
    {
        var lines = failed.Append(Wire.FailMethod).Select(f => $"failed {f} (3ms)\n  from /work/tests/Lib.Tests.dll\n  Assertion failed.\n");
        return $"Running tests from /work/tests/Lib.Tests.dll\n{string.Concat(lines)}\nTest run summary: Failed!\n  total: 4\n  failed: {failed.Length + 1}\n  succeeded: 2\n  skipped: 0\n";
    }

    private static string Trx(params (string Name, string Outcome, string StdOut)[] tests)
    {
        var results = tests.Select((t, i) => $"<UnitTestResult testId=\"{i}\" testName=\"{t.Name[(t.Name.LastIndexOf('.') + 1)..]}\" outcome=\"{t.Outcome}\"><Output><StdOut>{t.StdOut}</StdOut></Output></UnitTestResult>");
        var definitions = tests.Select((t, i) => $"<UnitTest id=\"{i}\" name=\"{t.Name}\"><TestMethod className=\"{t.Name[..t.Name.LastIndexOf('.')]}\" name=\"{t.Name[(t.Name.LastIndexOf('.') + 1)..]}\" /></UnitTest>");
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results>{string.Concat(results)}</Results><TestDefinitions>{string.Concat(definitions)}</TestDefinitions></TestRun>";
    }
}
