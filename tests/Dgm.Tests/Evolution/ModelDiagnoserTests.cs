using Dgm.Archive;
using Dgm.Evolution.Gateway;
using Dgm.Evolution.Runs;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>The model diagnosis: five JSON fields through the real gateway from an in-test OpenAI-compatible server.</summary>
[TestClass]
public sealed class ModelDiagnoserTests
{
    private const string Answer = """
        Here it is:
        ```json
        {"log_summarization": "It edited the wrong method.", "potential_improvements": "Better localization.",
         "improvement_proposal": "Rank methods named in the failing test first.", "implementation_suggestion": "Edit Localizer.cs.",
         "problem_description": "The agent edits methods the failing test never calls."}
        ```
        """;

    [TestMethod]
    public void The_five_fields_are_read_from_a_fenced_answer()
    {
        var diagnosis = ModelDiagnoser.Parse(Answer);

        Assert.AreEqual(new Diagnosis("It edited the wrong method.", "Better localization.", "Rank methods named in the failing test first.", "Edit Localizer.cs.", "The agent edits methods the failing test never calls."), diagnosis);
    }

    [TestMethod]
    public void Garbage_or_missing_fields_are_a_clear_diagnosis_error()
    {
        var garbage = Assert.ThrowsExactly<DiagnosisException>(() => ModelDiagnoser.Parse("I think the agent is fine."));
        var partial = Assert.ThrowsExactly<DiagnosisException>(() => ModelDiagnoser.Parse("""{"log_summarization": "x", "improvement_proposal": "y"}"""));

        StringAssert.Contains(garbage.Message, "not a JSON object");
        StringAssert.Contains(partial.Message, "potential_improvements, implementation_suggestion, problem_description");
    }

    [TestMethod]
    public void Tasks_the_previous_evaluation_resolved_and_this_one_lost_are_flaky_results()
    {
        var previous = Summary(("a", true, true), ("b", true, true), ("c", false, true));
        var now = Summary(("a", false, true), ("b", true, true), ("c", false, true), ("d", false, true));

        CollectionAssert.AreEqual(new[] { "a" }, ModelDiagnoser.Flipped(now, previous).ToArray());
        Assert.AreEqual(0, ModelDiagnoser.Flipped(now, null).Count, "the seed has no previous evaluation");
    }

    [TestMethod]
    public void Special_diagnoses_are_drawn_only_when_the_logs_show_them()
    {
        var previous = Summary(("a", true, true), ("b", true, true));
        var lost = Summary(("a", false, true), ("b", true, true));
        var empty = Summary(("a", false, false), ("b", false, false), ("c", false, true));
        var overflow = new EvalSummary([new("a", "unresolved", false, true, "context_length", [])]);

        StringAssert.Contains(ModelDiagnoser.SpecialDiagnosis(lost, previous, new Fixed(0.1)), "lost 1 task(s) that the version it was derived from resolved (a)");
        StringAssert.Contains(ModelDiagnoser.SpecialDiagnosis(empty, null, new Fixed(0.1)), "empty patch on 2 of 3 tasks");
        StringAssert.Contains(ModelDiagnoser.SpecialDiagnosis(overflow, null, new Fixed(0.1)), "context window");
        Assert.IsNull(ModelDiagnoser.SpecialDiagnosis(lost, previous, new Fixed(0.9)), "each is drawn with probability 0.25");
        Assert.IsNull(ModelDiagnoser.SpecialDiagnosis(lost, null, new Fixed(0.1)), "nothing flipped without a previous evaluation");
        Assert.IsNull(ModelDiagnoser.SpecialDiagnosis(previous, previous, new Fixed(0.1)), "nothing lost, nothing empty, no overflow");
    }

    [TestMethod]
    public async Task A_diagnosis_goes_through_the_gateway_with_one_failed_evaluation_and_becomes_the_problem_statement()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.ThenSay(Answer).ThenSay("no json here");
        await using var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(server.Endpoint), ApiKey = "sk-test" });
        var dir = Directory.CreateTempSubdirectory("dgm-diagnosis-").FullName;
        try
        {
            var evals = Path.Combine(dir, "evals");
            Directory.CreateDirectory(Path.Combine(evals, "t1"));
            File.WriteAllText(Path.Combine(evals, "summary.json"), """{"node":"0","score":0,"tasks":[{"task":"t1","split":"train","status":"unresolved","resolved":false,"patch_exists":true,"stop_reason":"submitted","failed_tests":["Ns.C.Fails"]}]}""");
            File.WriteAllText(Path.Combine(evals, "t1", "problem.md"), "Totals are off by one.");
            File.WriteAllText(Path.Combine(evals, "t1", "patch.diff"), "--- a/x\n+++ b/x\n");
            var source = Path.Combine(dir, "self");
            Directory.CreateDirectory(source);
            File.WriteAllText(Path.Combine(source, "Agent.cs"), "// the loop");
            var diagnoser = new ModelDiagnoser(gateway, "fake-model");

            var (diagnosis, problem) = await diagnoser.DiagnoseAsync("5", source, evals, [], new HashSet<string> { "t1" }, new Random(1), CancellationToken.None);
            var error = await Assert.ThrowsExactlyAsync<DiagnosisException>(() => diagnoser.DiagnoseAsync("6", source, evals, [], new HashSet<string> { "t1" }, new Random(1), CancellationToken.None));

            Assert.AreEqual("Edit Localizer.cs.", diagnosis.ImplementationSuggestion);
            StringAssert.Contains(problem, "The agent edits methods the failing test never calls.");
            var prompt = server.Requests.First().Body.ToJsonString();
            StringAssert.Contains(prompt, "Totals are off by one.");
            StringAssert.Contains(prompt, "Ns.C.Fails");
            StringAssert.Contains(prompt, "the loop");
            Assert.AreEqual("Bearer sk-test", server.Requests.First().Authorization, "the key is added by the gateway on the host");
            Assert.AreEqual(1, gateway.Usage.Agent("5").Requests);
            StringAssert.Contains(error.Message, "not a JSON object");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void The_lineage_section_says_what_no_ancestor_resolved_what_the_parent_lost_and_what_only_an_ancestor_ran()
    {
        var parent = Summary(("a", false, true), ("b", false, true), ("c", true, true));
        var grandparent = Summary(("a", true, true), ("b", false, true), ("d", false, false));
        var seed = Summary(("a", false, true), ("b", false, true), ("e", true, true));

        var section = ModelDiagnoser.LineageSection(parent, [("2", grandparent), ("0", seed)]);

        StringAssert.Contains(section, "- node 2: resolved 1 of 3\n- node 0: resolved 1 of 3");
        StringAssert.Contains(section, "never resolved by the parent or an ancestor (how many tried): b (3), d (1)");
        StringAssert.Contains(section, "resolved by an ancestor, not by the parent: a (node 2)");
        StringAssert.Contains(section, "run by an ancestor, not given to the parent: d (node 2: submitted), e (node 0: resolved)");
        Assert.AreEqual("", ModelDiagnoser.LineageSection(parent, []), "the seed has no lineage");
    }

    [TestMethod]
    public async Task A_diagnosis_reads_its_ancestors_train_logs_and_never_a_holdout_tasks()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.ThenSay(Answer);
        await using var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(server.Endpoint), ApiKey = "sk-test" });
        var dir = Directory.CreateTempSubdirectory("dgm-diagnosis-").FullName;
        try
        {
            // The parent resolved the one task it was given; its ancestor also ran t3 (not given to the parent) and,
            // as if misfiled, a holdout task's log and line.
            var evals = Evals(Path.Combine(dir, "evals"), ("t1", true, "The parent's task."));
            var ancestor = Evals(Path.Combine(dir, "ancestor"), ("t1", false, "The parent's task."), ("t3", false, "Ranges drop their last day."), ("h1", false, "HOLDOUT SECRET statement."));
            var source = Path.Combine(dir, "self");
            Directory.CreateDirectory(source);
            File.WriteAllText(Path.Combine(source, "Agent.cs"), "// the loop");

            await new ModelDiagnoser(gateway, "fake-model").DiagnoseAsync("5", source, evals, [("2", ancestor)], new HashSet<string> { "t1", "t3" }, new Random(1), CancellationToken.None);

            var prompt = server.Requests.Single().Body["messages"]![1]!["content"]!.GetValue<string>();
            StringAssert.Contains(prompt, "- node 2: resolved 0 of 2");
            StringAssert.Contains(prompt, "run by an ancestor, not given to the parent: t3 (node 2: submitted)");
            StringAssert.Contains(prompt, "task t3 (unresolved, stopped: submitted, in the log of its ancestor node 2)");
            StringAssert.Contains(prompt, "Ranges drop their last day.");
            Assert.IsFalse(prompt.Contains("h1", StringComparison.Ordinal) || prompt.Contains("HOLDOUT SECRET", StringComparison.Ordinal), "a holdout task never reaches the diagnosis");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>An evals folder: summary.json and each task's problem statement.</summary>
    private static string Evals(string folder, params (string Task, bool Resolved, string Problem)[] tasks)
    {
        foreach (var (task, _, problem) in tasks)
        {
            Directory.CreateDirectory(Path.Combine(folder, task));
            File.WriteAllText(Path.Combine(folder, task, "problem.md"), problem);
        }

        var lines = tasks.Select(t => $$"""{"task":"{{t.Task}}","split":"train","status":"{{(t.Resolved ? "resolved" : "unresolved")}}","resolved":{{(t.Resolved ? "true" : "false")}},"patch_exists":true,"stop_reason":"submitted","failed_tests":[]}""");
        File.WriteAllText(Path.Combine(folder, "summary.json"), $$"""{"node":"x","score":0,"tasks":[{{string.Join(",", lines)}}]}""");
        return folder;
    }

    private static EvalSummary Summary(params (string Task, bool Resolved, bool Patch)[] tasks) =>
        new([.. tasks.Select(t => new EvalSummary.TaskLine(t.Task, t.Resolved ? "resolved" : "unresolved", t.Resolved, t.Patch, "submitted", []))]);

    /// <summary>A random source whose every draw is the same number.</summary>
    private sealed class Fixed(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
