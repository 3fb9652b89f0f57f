using System.Text.Json;
using Dgm.Tests.Support;

namespace Dgm.Tests.Cli;

/// <summary>The `dgm bench` commands, driven in memory as a user would type them.</summary>
[TestClass]
public sealed class BenchCommandTests
{
    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => DgmCli.RunAsync(args);

    [TestMethod]
    public async Task Validate_json_reports_a_valid_task_and_an_invalid_one_and_fails()
    {
        await DockerFixture.FactoryAsync();
        var suite = Directory.CreateTempSubdirectory("dgm-cli-suite-").FullName;
        try
        {
            Dgm.Sandbox.FileTree.Copy(Path.Combine(Repo.Suites, "dgm-bugs", "date-range-inclusive-days"), Path.Combine(suite, "date-range"), followLinks: false);
            Directory.CreateDirectory(Path.Combine(suite, "broken"));
            File.WriteAllText(Path.Combine(suite, "broken", "task.json"), "{ this is not json");

            var (exit, output, _) = await RunAsync("bench", "validate", "--suite", suite, "--json");

            using var json = JsonDocument.Parse(output);
            Assert.AreEqual(1, exit);
            Assert.AreEqual(2, json.RootElement.GetProperty("tasks").GetInt32());
            Assert.AreEqual(1, json.RootElement.GetProperty("valid").GetInt32());
            CollectionAssert.AreEqual(new[] { "broken" }, json.RootElement.GetProperty("invalid_ids").EnumerateArray().Select(e => e.GetString()).ToArray());
        }
        finally
        {
            Directory.Delete(suite, recursive: true);
        }
    }

    [TestMethod]
    public async Task An_unknown_suite_is_one_clear_line_and_exit_code_2()
    {
        var (exit, _, error) = await RunAsync("bench", "validate", "--suite", "no-such-suite");

        Assert.AreEqual(2, exit);
        StringAssert.StartsWith(error, "dgm: Unknown suite 'no-such-suite'");
        Assert.AreEqual(1, error.Trim().Split('\n').Length);
    }

    [TestMethod]
    public async Task An_unknown_task_id_is_named()
    {
        var (exit, _, error) = await RunAsync("bench", "validate", "--task", "nope");

        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "Unknown task id(s) in suite dgm-bugs: nope");
    }

    [TestMethod]
    public async Task Grading_a_missing_patch_file_says_so()
    {
        var (exit, _, error) = await RunAsync("bench", "grade", "--task", "date-range-inclusive-days", "--patch", "/no/such.diff");

        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "Patch file '/no/such.diff' does not exist");
    }

    [TestMethod]
    public async Task Run_grades_a_patch_folder_and_counts_missing_patches_as_empty()
    {
        await DockerFixture.FactoryAsync();
        var suite = Directory.CreateTempSubdirectory("dgm-cli-run-").FullName;
        var patches = Directory.CreateTempSubdirectory("dgm-cli-patches-").FullName;
        try
        {
            var source = Path.Combine(Repo.Suites, "dgm-bugs", "date-range-inclusive-days");
            Dgm.Sandbox.FileTree.Copy(source, Path.Combine(suite, "fixed"), followLinks: false);
            Dgm.Sandbox.FileTree.Copy(source, Path.Combine(suite, "unfixed"), followLinks: false);
            File.WriteAllText(Path.Combine(suite, "unfixed", "task.json"), File.ReadAllText(Path.Combine(suite, "unfixed", "task.json")).Replace("date-range-inclusive-days", "unfixed", StringComparison.Ordinal));
            File.Copy(Path.Combine(source, "gold.patch"), Path.Combine(patches, "dgm-bugs__date-range-inclusive-days.patch"));

            var (exit, output, _) = await RunAsync("bench", "run", "--suite", suite, "--patches", patches);

            using var json = JsonDocument.Parse(output);
            Assert.AreEqual(0, exit);
            Assert.AreEqual("dgm-bugs__date-range-inclusive-days", json.RootElement.GetProperty("resolved_ids")[0].GetString());
            Assert.AreEqual("dgm-bugs__unfixed", json.RootElement.GetProperty("empty_patch_ids")[0].GetString());
            Assert.AreEqual(0.5, json.RootElement.GetProperty("score").GetDouble(), 1e-9);
        }
        finally
        {
            Directory.Delete(suite, recursive: true);
            Directory.Delete(patches, recursive: true);
        }
    }

    [TestMethod]
    public async Task Solve_runs_the_offline_agent_in_a_sandbox_and_reports_scores_per_split()
    {
        await DockerFixture.FactoryAsync();
        var output = Directory.CreateTempSubdirectory("dgm-cli-solve-").FullName;
        try
        {
            var (exit, text, error) = await RunAsync(
                "bench", "solve", "--task", "date-range-inclusive-days", "--task", "roman-numerals-subtractive",
                "--agent", Path.GetDirectoryName(AgentProcess.Dll)!, "--out", output);

            Assert.AreEqual(0, exit, error);
            using var json = JsonDocument.Parse(text);
            var splits = json.RootElement.GetProperty("splits");
            Assert.AreEqual(1, splits.GetProperty("train").GetProperty("resolved").GetInt32(), text);
            Assert.AreEqual(0, splits.GetProperty("holdout").GetProperty("resolved").GetInt32());
            Assert.AreEqual(1, json.RootElement.GetProperty("stop_reasons").GetProperty("no_failing_test").GetInt32());
            StringAssert.Contains(File.ReadAllText(Path.Combine(output, "dgm-bugs__date-range-inclusive-days.patch")), "+ 1;");
            Assert.IsTrue(File.Exists(Path.Combine(output, "report.json")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [TestMethod]
    public async Task Solve_with_an_unknown_model_or_a_missing_cassette_says_what_to_use()
    {
        var (exit, _, error) = await RunAsync("bench", "solve", "--task", "date-range-inclusive-days", "--model", "gpt-4");
        var (replayExit, _, replayError) = await RunAsync("bench", "solve", "--task", "date-range-inclusive-days", "--model", "replay:/no/such.jsonl");

        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "use heuristic, openai:MODEL or replay:CASSETTE");
        Assert.AreEqual(2, replayExit);
        StringAssert.Contains(replayError, "does not exist; record one first");
    }

    [TestMethod]
    public async Task Solve_with_a_model_goes_through_the_gateway_records_and_replays()
    {
        await DockerFixture.FactoryAsync();
        await using var server = await FakeOpenAiServer.StartAsync();
        server
            .ThenToolCall("editor-str_replace", new { path = "src/Ranges/DateRange.cs", old_str = "End.DayNumber - Start.DayNumber;", new_str = "End.DayNumber - Start.DayNumber + 1;" })
            .ThenSay("DONE");
        var cassette = Path.Combine(Path.GetTempPath(), $"dgm-cli-cassette-{Guid.NewGuid():N}.jsonl");
        var agent = Path.GetDirectoryName(AgentProcess.Dll)!;
        try
        {
            var (exit, text, error) = await RunAsync(
                "bench", "solve", "--task", "date-range-inclusive-days", "--agent", agent,
                "--model", "openai:fake-model", "--endpoint", server.Endpoint, "--record", cassette);
            var calls = server.Requests.Count;
            var (replayExit, replayText, replayError) = await RunAsync(
                "bench", "solve", "--task", "date-range-inclusive-days", "--agent", agent, "--model", "replay:" + cassette);

            Assert.AreEqual(0, exit, error);
            Assert.AreEqual(1, JsonDocument.Parse(text).RootElement.GetProperty("splits").GetProperty("train").GetProperty("resolved").GetInt32(), text);
            Assert.AreEqual(2, calls);
            Assert.AreEqual(0, replayExit, replayError);
            Assert.AreEqual(1, JsonDocument.Parse(replayText).RootElement.GetProperty("splits").GetProperty("train").GetProperty("resolved").GetInt32(), replayText);
            Assert.AreEqual(calls, server.Requests.Count, "the replay made no model call");
        }
        finally
        {
            File.Delete(cassette);
        }
    }
    [TestMethod]
    public async Task Solve_stops_the_agent_with_reason_budget_once_the_run_budget_is_spent()
    {
        await DockerFixture.FactoryAsync();
        await using var server = await FakeOpenAiServer.StartAsync();
        server.ThenToolCall("shell-bash", new { command = "ls" }).ThenToolCall("shell-bash", new { command = "ls" }).ThenSay("DONE");
        var folder = Directory.CreateTempSubdirectory("dgm-cli-budget-").FullName;
        var prices = Path.Combine(folder, "prices.json");
        File.WriteAllText(prices, """{"fake-model": {"input_per_million": 1000, "output_per_million": 1000}}""");
        try
        {
            // The first request may cost up to its bytes and 4,096 completion tokens at $1000 per million, about $10:
            // the $0.10 budget cannot hold that, so it is refused before it is forwarded (budgets reserve the worst case).
            var (exit, text, error) = await RunAsync(
                "bench", "solve", "--task", "date-range-inclusive-days", "--agent", Path.GetDirectoryName(AgentProcess.Dll)!,
                "--model", "openai:fake-model", "--endpoint", server.Endpoint, "--prices", prices, "--budget-dollars", "0.1");

            Assert.AreEqual(0, exit, error);
            using var json = JsonDocument.Parse(text);
            Assert.AreEqual(1, json.RootElement.GetProperty("stop_reasons").GetProperty("budget").GetInt32(), text);
            Assert.AreEqual(0, server.Requests.Count, "the gateway refused the request without forwarding it");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task Solve_with_a_malformed_price_table_says_what_the_format_is()
    {
        var prices = Path.GetTempFileName();
        File.WriteAllText(prices, "{ not json");
        try
        {
            var (exit, _, error) = await RunAsync("bench", "solve", "--model", "openai:m", "--endpoint", "http://127.0.0.1:9/v1", "--prices", prices);

            Assert.AreEqual(2, exit);
            StringAssert.Contains(error, "input_per_million");
        }
        finally
        {
            File.Delete(prices);
        }
    }
}
