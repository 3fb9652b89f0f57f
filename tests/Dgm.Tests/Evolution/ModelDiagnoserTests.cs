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

            var (diagnosis, problem) = await diagnoser.DiagnoseAsync("5", source, evals, new Random(1), CancellationToken.None);
            var error = await Assert.ThrowsExactlyAsync<DiagnosisException>(() => diagnoser.DiagnoseAsync("6", source, evals, new Random(1), CancellationToken.None));

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
}
