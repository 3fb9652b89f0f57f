using System.Text.Json.Nodes;
using Dgm.Tests.Support;

namespace Dgm.Tests.Agent;

/// <summary>The agent's tools as the model meets them: scripted calls, results read back from what the agent sent the model.</summary>
[TestClass]
public sealed class AgentToolTests
{
    [TestMethod]
    public async Task Tool_mistakes_come_back_as_messages_and_the_loop_goes_on()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server
            .ThenToolCall("editor-str_replace", new { path = "a.cs", old_str = "two", new_str = "2" })
            .ThenToolCall("editor-str_replace", new { path = "a.cs", old_str = "four", new_str = "4" })
            .ThenToolCall("editor-view", new { path = "../../etc/passwd" })
            .ThenToolCall("editor-view", new { path = "a.cs", start = 2, end = 3 })
            .ThenToolCall("editor-insert", new { path = "a.cs", line = 0, text = "zero" })
            .ThenToolCall("editor-create", new { path = "sub/new.cs", text = "class X {}" })
            .ThenToolCall("editor-undo_edit", new { path = "a.cs" })
            .ThenToolCall("shell-bash", new { command = "cd sub && export GREETING=hi" })
            .ThenToolCall("shell-bash", new { command = "pwd; echo $GREETING; ls" })
            .ThenToolCall("shell-bash", new { command = "seq 1 200000" })
            .ThenSay("DONE");
        var work = Directory.CreateTempSubdirectory("dgm-tools-").FullName;
        var repo = Directory.CreateDirectory(Path.Combine(work, "repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "a.cs"), "one\ntwo\ntwo\nthree\n");
        File.WriteAllText(Path.Combine(work, "p.md"), "fix it");
        try
        {
            var (exit, stderr) = await AgentProcess.RunAsync(
                new Dictionary<string, string>(),
                "solve", "--repo", repo, "--problem", Path.Combine(work, "p.md"), "--out", Path.Combine(work, "o.patch"), "--log", Path.Combine(work, "t.json"),
                "--model", "openai:fake", "--endpoint", server.Endpoint);

            Assert.AreEqual(0, exit, stderr);
            var results = ToolResults(server.Requests.Last().Body);
            StringAssert.Contains(results[0], "occurs 2 times");
            StringAssert.Contains(results[1], "not found");
            StringAssert.Contains(results[2], "outside the repository");
            StringAssert.Contains(results[3], "2\ttwo");
            Assert.DoesNotContain("one", results[3]);
            Assert.AreEqual("one\ntwo\ntwo\nthree\n", File.ReadAllText(Path.Combine(repo, "a.cs")), "undo reverted the insert");
            Assert.AreEqual("class X {}", File.ReadAllText(Path.Combine(repo, "sub", "new.cs")));
            StringAssert.Contains(results[8], $"{repo}/sub\nhi\nnew.cs", "the shell persists between calls");
            StringAssert.Contains(results[9], "characters dropped");
            StringAssert.Contains(results[9], "200000");
            var patch = File.ReadAllText(Path.Combine(work, "o.patch"));
            StringAssert.Contains(patch, "+++ b/sub/new.cs", "new files are part of the patch");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<string> ToolResults(JsonNode body) =>
        [.. body["messages"]!.AsArray().Where(m => (string?)m!["role"] == "tool").Select(m => (string?)m!["content"] ?? "")];
}
