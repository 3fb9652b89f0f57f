using System.Text.Json.Nodes;
using Dgm.Tests.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Agent;

/// <summary>
/// The offline improver's diagnosis (`Dgm.Agent diagnose`): what it reads in evaluation logs, and which operator families
/// a failure points at, from the problem's words and from what the failing tests' messages show.
/// </summary>
[TestClass]
public sealed class AgentDiagnosisTests
{
    [TestMethod]
    public async Task Failure_messages_point_the_diagnosis_at_the_families_that_produce_what_they_show()
    {
        using var work = new TempFolder();
        var evals = Evals(work.Path, new()
        {
            // Prose that names no family: only the messages the repair logged say what went wrong.
            ["sign"] = (Problem("Totals"), ["failure Shop.Tests.CartTests.Totals: AssertFailedException: Assert.AreEqual failed. Expected:<5>. Actual:<-5>. "]),
            ["case"] = (Problem("Greets"), ["failure Text.Tests.GreeterTests.Greets: AssertFailedException: Assertion failed. Expected strings to be equal. Strings have same length. expected: \"Hello World\" actual: \"hello world\""]),
            ["scaled"] = (Problem("Converts"), ["failure Units.Tests.LengthTests.Converts: EqualException: Assert.Equal() Failure: Values differ Expected: 12 Actual:   3"]),
            // The same kind of message in the problem statement itself (a bug report that quotes the test run).
            ["inverted"] = (Problem("Validates") + "\n    Assertion failed. Expected condition to be true.  actual: false  Assert.IsTrue(Luhn.IsValid(\"1214\"))\n", []),
            ["missing-part"] = (Problem("Joins") + "\n    Assertion failed. Expected strings to be equal.  expected: \"1 Main St, Apt 4, Springfield\" actual: \"1 Main StApt 4Springfield\"\n", []),
            // Garbage and messages that show nothing: no symptom, no failure of the diagnosis.
            ["garbage"] = (Problem("Breaks"), ["failure A.B: expected: \"\\q actual: \"", "failure A.C: Expected:<Rect { X = 1 }>. Actual:<Rect { X = 2 }>.", "failure A.D: " + new string('x', 5000)]),
        });

        var (exit, output) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "diagnose", "--self", Path.Combine(Repo.Root, "agent"), "--evals", evals], work.Path);

        Assert.AreEqual(0, exit, output);
        var tasks = output.Split('\n').Where(l => l.StartsWith("task ", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToDictionary(f => f[0]["task ".Length..], f => (Symptoms: f[2], Families: f[3]));
        Assert.AreEqual(("sign", "swap-arguments unary"), tasks["sign"], output);
        Assert.AreEqual(("text-case", "string-method"), tasks["case"], output);
        Assert.AreEqual(("scaled", "binary-operator"), tasks["scaled"], output);
        Assert.AreEqual("condition-inverted", tasks["inverted"].Symptoms, output);
        StringAssert.Contains(tasks["inverted"].Families, "flip-boolean", output);
        Assert.AreEqual("text-missing-part", tasks["missing-part"].Symptoms, output);
        StringAssert.Contains(tasks["missing-part"].Families, "copy-statement", output);
        Assert.AreEqual("", tasks["garbage"].Symptoms, output);
        StringAssert.Contains(output, "what their failures show: ", output);
    }

    [TestMethod]
    public async Task Exceptions_are_told_apart_a_wrong_type_none_thrown_a_null_and_an_index_out_of_range()
    {
        using var work = new TempFolder();
        var evals = Evals(work.Path, new()
        {
            ["wrong-type"] = (Problem("Rejects"), ["failure Q.Tests.Rejects: AssertFailedException: Assertion failed. Expected exception of exact type KeyNotFoundException but caught InvalidOperationException.  expected type: System.Collections.Generic.KeyNotFoundException"]),
            ["none"] = (Problem("Guards") + "\n    Assertion failed. Expected exception of exact type DivideByZeroException but no exception was thrown.\n", []),
            // As the test framework reports it (the problem statement) and as the agent's run in memory does (its note).
            ["null"] = (Problem("Formats") + "\n    Test method Addresses.Tests.LabelTests.Formats threw exception: System.NullReferenceException: Object reference not set to an instance of an object.\n", []),
            ["range"] = (Problem("Reads"), ["failure Bits.Tests.Reads: IndexOutOfRangeException: Index was outside the bounds of the array."]),
        });

        var (exit, output) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "diagnose", "--self", Path.Combine(Repo.Root, "agent"), "--evals", evals], work.Path);

        Assert.AreEqual(0, exit, output);
        var tasks = output.Split('\n').Where(l => l.StartsWith("task ", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToDictionary(f => f[0]["task ".Length..], f => (Symptoms: f[2], Families: f[3]));
        Assert.AreEqual(("exception-type", "exception-type"), tasks["wrong-type"], output);
        Assert.AreEqual("no-exception", tasks["none"].Symptoms, output);
        Assert.AreEqual(("null", "null-conditional"), tasks["null"], output);
        Assert.AreEqual(("out-of-range", "unary"), tasks["range"], output);
    }

    [TestMethod]
    public async Task A_blind_failure_that_shows_a_missing_family_gets_a_reproducer_and_an_operator_of_that_family_in_one_edit_that_builds()
    {
        using var work = new TempFolder();
        var blind = Problem("Negates") + "\n    Assertion failed. Expected values to be equal.  expected: 5 actual: -5  Assert.AreEqual(5, Calc.Negate(-5))\n";
        var evals = Evals(work.Path, new() { ["a"] = (blind, []), ["b"] = (blind.Replace("Negates", "Flips", StringComparison.Ordinal), []) }, "no_failing_test");
        var self = AgentProcess.CopySource(work.Path);

        var (exit, output) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "diagnose", "--self", self, "--evals", evals], work.Path);
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "write a failing test from the problem statement ('problem-assertions') and add an operator of the family its failures point at", output);

        var patch = Path.Combine(work.Path, "improve.patch");
        var log = Path.Combine(work.Path, "improve.json");
        var (improved, stderr) = await AgentProcess.RunAsync(new Dictionary<string, string>(), ["improve", "--self", self, "--evals", evals, "--out", patch, "--log", log, "--model", "heuristic", "--seed", CompoundSeed.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.AreEqual(0, improved, stderr);
        var diff = File.ReadAllText(patch);
        StringAssert.Contains(diff, "+++ b/Repair/Reproducers.cs", File.ReadAllText(log));
        StringAssert.Contains(diff, "Reproduce.Assertions(", diff);
        StringAssert.Contains(diff, "+++ b/Repair/Operators.cs", diff);
        Assert.IsTrue(diff.Contains("Rewrites.Unary()", StringComparison.Ordinal) || diff.Contains("Rewrites.SwapArguments()", StringComparison.Ordinal), "the operator is of a family the sign points at:\n" + diff);
    }

    /// <summary>The improver's seed that draws the compound edit from these logs (the draw is reproducible; another seed may draw another proposal).</summary>
    private const int CompoundSeed = 4;

    private static string Problem(string test) => $"# {test} no longer holds\n\n`{test}` fails.\n";

    /// <summary>Evaluation logs in the loop's contract: every task unresolved with the stop reason, its problem and the repair's notes.</summary>
    private static string Evals(string work, Dictionary<string, (string Problem, string[] Notes)> tasks, string stopReason = "no_candidate_passed")
    {
        var evals = Directory.CreateDirectory(Path.Combine(work, "evals")).FullName;
        var entries = new JsonArray();
        foreach (var (task, (problem, notes)) in tasks)
        {
            var folder = Directory.CreateDirectory(Path.Combine(evals, task)).FullName;
            File.WriteAllText(Path.Combine(folder, "problem.md"), problem);
            var log = new JsonArray(["visible tests: 4, failing: 1", .. notes.Select(n => (JsonNode)n), $"stop: {stopReason}"]);
            File.WriteAllText(Path.Combine(folder, "trajectory.json"), new JsonObject { ["stop_reason"] = stopReason, ["notes"] = log }.ToJsonString());
            entries.Add(new JsonObject { ["task"] = task, ["split"] = "train", ["status"] = "unresolved", ["resolved"] = false, ["stop_reason"] = stopReason, ["failed_tests"] = new JsonArray() });
        }

        File.WriteAllText(Path.Combine(evals, "summary.json"), new JsonObject { ["node"] = "0", ["score"] = 0.0, ["tasks"] = entries }.ToJsonString());
        return evals;
    }
}
