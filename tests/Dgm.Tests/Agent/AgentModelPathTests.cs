using System.Text.Json;
using Dgm.Benchmarks.Grading;
using Dgm.Tests.Support;

namespace Dgm.Tests.Agent;

/// <summary>The seed agent's model path, end to end through the real Semantic Kernel connector against an in-test OpenAI-compatible server.</summary>
[TestClass]
public sealed class AgentModelPathTests
{
    private const string Secret = "sk-test-secret-never-logged-4242";

    private static (string Work, string Repo, string Problem) Workspace()
    {
        var work = Directory.CreateTempSubdirectory("dgm-agent-").FullName;
        var task = GradingFixture.DateRange;
        var repo = Path.Combine(work, "repo");
        Dgm.Sandbox.FileTree.Copy(task.RepoDir, repo, followLinks: false);
        var problem = Path.Combine(work, "problem.md");
        File.Copy(task.ProblemPath, problem);
        return (work, repo, problem);
    }

    [TestMethod]
    public async Task Scripted_tool_calls_fix_a_task_that_the_harness_then_grades_resolved()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server
            .ThenToolCall("shell-bash", new { command = "grep -n 'Days =>' src/Ranges/DateRange.cs" })
            .ThenToolCall("editor-str_replace", new
            {
                path = "src/Ranges/DateRange.cs",
                old_str = "End.DayNumber - Start.DayNumber;",
                new_str = "End.DayNumber - Start.DayNumber + 1;",
            })
            .ThenSay("DONE");
        var (work, repo, problem) = Workspace();
        try
        {
            var patch = Path.Combine(work, "out.patch");
            var log = Path.Combine(work, "trajectory.json");

            var (exit, stderr) = await AgentProcess.RunAsync(
                new Dictionary<string, string> { ["OPENAI_API_KEY"] = Secret },
                "solve", "--repo", repo, "--problem", problem, "--out", patch, "--log", log, "--model", "openai:fake-model", "--endpoint", server.Endpoint);

            Assert.AreEqual(0, exit, stderr);
            var requests = server.Requests.ToArray();
            Assert.HasCount(3, requests);
            Assert.AreEqual($"Bearer {Secret}", requests[0].Authorization);
            StringAssert.Contains(requests[1].Body.ToJsonString(), "public int Days", "the bash output went back to the model");
            var trajectory = File.ReadAllText(log);
            Assert.AreEqual("submitted", JsonDocument.Parse(trajectory).RootElement.GetProperty("stop_reason").GetString());
            Assert.DoesNotContain(Secret, trajectory + stderr);

            var grader = await GradingFixture.GraderAsync();
            var report = await grader.GradeAsync(GradingFixture.DateRange, File.ReadAllText(patch), CancellationToken.None);
            Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_model_answering_garbage_is_counted_capped_and_leaves_a_trajectory()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.ThenRaw("this is not json").ThenRaw("{\"choices\": 42}").ThenRaw("<html>oops</html>");
        var (work, repo, problem) = Workspace();
        try
        {
            var patch = Path.Combine(work, "out.patch");
            var log = Path.Combine(work, "trajectory.json");

            var (exit, stderr) = await AgentProcess.RunAsync(
                new Dictionary<string, string>(),
                "solve", "--repo", repo, "--problem", problem, "--out", patch, "--log", log, "--model", "openai:fake-model", "--endpoint", server.Endpoint);

            Assert.AreEqual(0, exit, stderr);
            using var trajectory = JsonDocument.Parse(File.ReadAllText(log));
            Assert.AreEqual("model_errors", trajectory.RootElement.GetProperty("stop_reason").GetString());
            Assert.AreEqual("", File.ReadAllText(patch));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_missing_repository_or_problem_file_is_a_clear_error_with_a_saved_trajectory()
    {
        var work = Directory.CreateTempSubdirectory("dgm-agent-bad-").FullName;
        try
        {
            var log = Path.Combine(work, "t.json");
            var (exit, stderr) = await AgentProcess.RunAsync(
                new Dictionary<string, string>(),
                "solve", "--repo", Path.Combine(work, "nope"), "--problem", Path.Combine(work, "p.md"), "--out", Path.Combine(work, "o.patch"), "--log", log, "--model", "openai:x", "--endpoint", "http://127.0.0.1:9/v1");

            Assert.AreEqual(2, exit);
            StringAssert.Contains(stderr, "does not exist");
            Assert.AreEqual("error", JsonDocument.Parse(File.ReadAllText(log)).RootElement.GetProperty("stop_reason").GetString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task Improve_edits_the_agents_own_source_from_its_evaluation_logs()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server
            .ThenToolCall("editor-str_replace", new { path = "Agent.cs", old_str = "int MaxSteps = 40", new_str = "int MaxSteps = 60" })
            .ThenSay("DONE");
        var work = Directory.CreateTempSubdirectory("dgm-improve-").FullName;
        try
        {
            var self = Path.Combine(work, "self");
            Directory.CreateDirectory(self);
            File.Copy(Path.Combine(Repo.Root, "agent", "Agent.cs"), Path.Combine(self, "Agent.cs"));
            var evals = Directory.CreateDirectory(Path.Combine(work, "evals")).FullName;
            File.WriteAllText(Path.Combine(evals, "task1.json"), "{\"stop_reason\": \"max_steps\"}");

            var (exit, stderr) = await AgentProcess.RunAsync(
                new Dictionary<string, string>(),
                "improve", "--self", self, "--evals", evals, "--out", Path.Combine(work, "o.patch"), "--log", Path.Combine(work, "t.json"),
                "--model", "openai:fake-model", "--endpoint", server.Endpoint);

            Assert.AreEqual(0, exit, stderr);
            StringAssert.Contains(server.Requests.First().Body.ToJsonString(), "max_steps", "the parent's evaluation logs are in the task");
            StringAssert.Contains(File.ReadAllText(Path.Combine(work, "o.patch")), "+public sealed record Limits(int MaxSteps = 60");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
