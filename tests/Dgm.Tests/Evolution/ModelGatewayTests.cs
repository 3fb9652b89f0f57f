using System.Net;
using System.Net.Sockets;
using System.Text;
using Dgm.Benchmarks.Grading;
using Dgm.Evolution.Gateway;
using Dgm.Sandbox;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>The model gateway: the only way a sandboxed agent reaches a model, and the only holder of the key.</summary>
[TestClass]
public sealed class ModelGatewayTests
{
    private const string Secret = "sk-gateway-secret-7f3a9c";

    private static FakeOpenAiServer Script(FakeOpenAiServer server) => server
        .ThenToolCall("shell-bash", new { command = "grep -n 'Days =>' src/Ranges/DateRange.cs" })
        .ThenToolCall("editor-str_replace", new { path = "src/Ranges/DateRange.cs", old_str = "End.DayNumber - Start.DayNumber;", new_str = "End.DayNumber - Start.DayNumber + 1;" })
        .ThenSay("DONE");

    private static HttpClient SocketClient(string socket) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, token) =>
        {
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
            return new NetworkStream(s, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://gateway") };

    private static StringContent Chat(string text = "hi") =>
        new($"{{\"model\":\"fake-model\",\"messages\":[{{\"role\":\"user\",\"content\":\"{text}\"}}]}}", Encoding.UTF8, "application/json");

    /// <summary>Runs the built agent inside a Docker sandbox whose only way out is the gateway socket.</summary>
    private static async Task<(string Patch, string Trajectory, string Leaks)> SolveInSandboxAsync(GatewayChannel channel)
    {
        var factory = await DockerFixture.FactoryAsync();
        var task = GradingFixture.DateRange;
        var spec = new SandboxSpec
        {
            RunId = "gateway-tests",
            Mounts =
            [
                new MountSpec(GradingEnvironment.HostSdkDir(), GradingEnvironment.SandboxSdkDir),
                new MountSpec(Path.GetDirectoryName(AgentProcess.Dll)!, "/agent"),
                new MountSpec(channel.Folder, "/gateway"),
            ],
            Environment = GradingEnvironment.TestEnvironment,
        };
        await using var sandbox = await factory.StartAsync(spec, CancellationToken.None);
        await sandbox.CopyInAsync(task.RepoDir, "/work/repo", CancellationToken.None);
        await sandbox.CopyInAsync(task.ProblemPath, "/work/problem.md", CancellationToken.None);

        var run = await sandbox.RunAsync(
            new CommandRequest(
                $"dotnet /agent/Dgm.Agent.dll solve --repo /work/repo --problem /work/problem.md --out /work/out.patch --log /work/trajectory.json --model openai:fake-model --endpoint {GatewayChannel.EndpointInSandbox()}",
                TimeSpan.FromMinutes(3)),
            CancellationToken.None);
        Assert.AreEqual(0, run.ExitCode, run.Stdout + run.Stderr);
        var leaks = await sandbox.RunAsync(new CommandRequest($"env | grep -c '{Secret}'; grep -rl '{Secret}' /work /tmp /home/sandbox /gateway 2>/dev/null; true", TimeSpan.FromSeconds(30)), CancellationToken.None);

        var outDir = Directory.CreateTempSubdirectory("dgm-gw-out-").FullName;
        try
        {
            await sandbox.CopyOutAsync("/work/out.patch", Path.Combine(outDir, "out.patch"), CancellationToken.None);
            await sandbox.CopyOutAsync("/work/trajectory.json", Path.Combine(outDir, "trajectory.json"), CancellationToken.None);
            return (File.ReadAllText(Path.Combine(outDir, "out.patch")), File.ReadAllText(Path.Combine(outDir, "trajectory.json")), leaks.Stdout.Trim() + "\n" + run.Stdout + run.Stderr);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [TestMethod]
    public async Task An_agent_in_a_sandbox_fixes_a_task_through_the_gateway_without_ever_seeing_the_key_and_the_recording_replays()
    {
        await using var upstream = Script(await FakeOpenAiServer.StartAsync());
        var cassette = Path.Combine(Path.GetTempPath(), $"dgm-cassette-{Guid.NewGuid():N}.jsonl");
        try
        {
            string recordedPatch;
            await using (var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint), ApiKey = Secret, Mode = GatewayMode.Record, CassettePath = cassette }))
            {
                var channel = await gateway.OpenChannelAsync("seed", "date-range", CancellationToken.None);
                var (patch, trajectory, leaks) = await SolveInSandboxAsync(channel);
                recordedPatch = patch;

                Assert.AreEqual("0", leaks.Split('\n')[0], "the key is not in the sandbox's environment");
                Assert.DoesNotContain(Secret, leaks + trajectory, "the key is in no file of the sandbox and no log");
                Assert.IsTrue(upstream.Requests.All(r => r.Authorization == $"Bearer {Secret}"), "the gateway added the key upstream");
                Assert.AreEqual(3, gateway.Usage.Task("seed", "date-range").Requests);
                Assert.AreEqual(360, gateway.Usage.Run.Tokens);
                var report = await (await GradingFixture.GraderAsync()).GradeAsync(GradingFixture.DateRange, patch, CancellationToken.None);
                Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
            }

            Assert.DoesNotContain(Secret, File.ReadAllText(cassette), "the recording holds no key");
            var upstreamCalls = upstream.Requests.Count;
            await using (var replay = new ModelGateway(new GatewayOptions { Mode = GatewayMode.Replay, CassettePath = cassette }))
            {
                var channel = await replay.OpenChannelAsync("seed", "date-range", CancellationToken.None);
                var (patch, _, _) = await SolveInSandboxAsync(channel);

                Assert.AreEqual(recordedPatch, patch, "a recorded run replays to the same patch");
                Assert.AreEqual(upstreamCalls, upstream.Requests.Count, "replay never calls the model");
            }
        }
        finally
        {
            File.Delete(cassette);
        }
    }

    [TestMethod]
    public async Task A_request_over_budget_gets_402_and_the_agent_stops_with_budget_as_its_reason()
    {
        await using var upstream = Script(await FakeOpenAiServer.StartAsync());
        await using var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint), Budgets = new Budgets(TaskTokens: 1) });
        var channel = await gateway.OpenChannelAsync("seed", "t1", CancellationToken.None);
        var work = Directory.CreateTempSubdirectory("dgm-budget-").FullName;
        try
        {
            Dgm.Sandbox.FileTree.Copy(GradingFixture.DateRange.RepoDir, Path.Combine(work, "repo"), followLinks: false);
            File.WriteAllText(Path.Combine(work, "p.md"), "fix it");

            var (exit, stderr) = await AgentProcess.RunAsync(
                new Dictionary<string, string>(),
                "solve", "--repo", Path.Combine(work, "repo"), "--problem", Path.Combine(work, "p.md"), "--out", Path.Combine(work, "o.patch"),
                "--log", Path.Combine(work, "t.json"), "--model", "openai:fake-model", "--endpoint", "unix:" + Path.Combine(channel.Folder, GatewayChannel.SocketName));

            Assert.AreEqual(0, exit, stderr);
            StringAssert.Contains(stderr, "stopped: budget");
            Assert.IsEmpty(upstream.Requests, "the request its budget cannot hold never reached the model");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task Garbage_from_upstream_is_a_clear_502_and_transient_errors_are_retried()
    {
        await using var upstream = await FakeOpenAiServer.StartAsync();
        upstream.FailNextWith(503).ThenSay("hello").ThenRaw("<html>not a completion</html>");
        await using var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint), RetryDelay = TimeSpan.FromMilliseconds(10) });
        var channel = await gateway.OpenChannelAsync("seed", "t", CancellationToken.None);
        using var client = SocketClient(Path.Combine(channel.Folder, GatewayChannel.SocketName));

        using var retried = await client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), Chat());
        using var garbage = await client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), Chat("again"));
        using var notJson = await client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), new StringContent("{{{", Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.OK, retried.StatusCode, "a 503 is retried");
        StringAssert.Contains(await retried.Content.ReadAsStringAsync(), "hello");
        Assert.AreEqual(HttpStatusCode.BadGateway, garbage.StatusCode);
        StringAssert.Contains(await garbage.Content.ReadAsStringAsync(), "not a chat completion");
        Assert.AreEqual(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [TestMethod]
    public async Task Replay_of_an_unrecorded_request_is_a_clear_error_and_a_corrupt_cassette_is_named()
    {
        var cassette = Path.Combine(Path.GetTempPath(), $"dgm-cassette-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllText(cassette, "");
            await using (var gateway = new ModelGateway(new GatewayOptions { Mode = GatewayMode.Replay, CassettePath = cassette }))
            {
                var channel = await gateway.OpenChannelAsync("seed", "t", CancellationToken.None);
                using var client = SocketClient(Path.Combine(channel.Folder, GatewayChannel.SocketName));
                using var response = await client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), Chat());

                Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
                StringAssert.Contains(await response.Content.ReadAsStringAsync(), "never recorded");
            }

            File.WriteAllText(cassette, "{\"key\": \"k\", \"response\": {}}\nnot json\n");
            var error = Assert.ThrowsExactly<FormatException>(() => new ModelGateway(new GatewayOptions { Mode = GatewayMode.Replay, CassettePath = cassette }));
            StringAssert.Contains(error.Message, "corrupt at line 2");
        }
        finally
        {
            File.Delete(cassette);
        }
    }
}
