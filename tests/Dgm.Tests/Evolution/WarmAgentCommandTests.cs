using Dgm.Evolution.Evaluation;
using Dgm.Sandbox;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>
/// How the agent's command reaches a warm agent, against the real daemon, with stand-ins for the agent written in
/// the shell: a ready one gets the command and its output and exit code are passed on; one that is not ready in
/// time, or is gone, is never waited for longer and the agent starts cold.
/// </summary>
[TestClass]
public sealed class WarmAgentCommandTests
{
    private static readonly string[] Solve = ["solve", "--repo", "/work/repo", "--model", "it's heuristic"];

    private static async Task<CommandResult> RunAsync(ISandbox sandbox, string command) =>
        await sandbox.RunAsync(new CommandRequest(command, TimeSpan.FromSeconds(60)), CancellationToken.None);

    [TestMethod]
    public async Task A_ready_warm_agent_gets_the_command_and_its_output_and_exit_code_are_passed_on()
    {
        await using var sandbox = await (await DockerFixture.FactoryAsync()).StartAsync(DockerFixture.Spec(), CancellationToken.None);
        await RunAsync(sandbox, """
            d=/work/.agent; mkdir -p $d
            { while [ ! -e $d/request ]; do sleep 0.01; done; cp $d/request /work/got; echo out > $d/stdout; echo err > $d/stderr; echo 3 > $d/exit; } > /dev/null 2>&1 &
            echo $! > $d/pid; touch $d/ready
            """);

        var run = await RunAsync(sandbox, AgentEvaluator.AgentCommand("/work", Solve));

        Assert.AreEqual(3, run.ExitCode, run.Stderr);
        Assert.AreEqual("out\n", run.Stdout);
        Assert.AreEqual("err\n", run.Stderr);
        var got = await RunAsync(sandbox, "cat /work/got");
        Assert.AreEqual("solve\n--repo\n/work/repo\n--model\nits heuristic\n", got.Stdout, "one argument a line, quotes dropped as for a cold start");
    }

    [TestMethod]
    public async Task A_warm_agent_whose_command_timed_out_is_stopped_with_its_children()
    {
        await using var sandbox = await (await DockerFixture.FactoryAsync()).StartAsync(DockerFixture.Spec(), CancellationToken.None);
        await RunAsync(sandbox, """
            d=/work/.agent; mkdir -p $d
            setsid bash -c 'sleep 600 & echo $! > /work/child; while true; do echo late > /work/late; sleep 0.05; done' > /dev/null 2>&1 &
            echo $! > $d/pid; touch $d/ready
            """);

        var run = await sandbox.RunAsync(new CommandRequest(AgentEvaluator.AgentCommand("/work", Solve), TimeSpan.FromSeconds(2)), CancellationToken.None);
        await RunAsync(sandbox, AgentEvaluator.StopWarmAgent("/work"));
        var left = await RunAsync(sandbox, "sleep 0.3; rm -f /work/late; sleep 0.3; for p in $(cat /work/.agent/pid) $(cat /work/child); do kill -0 $p 2>/dev/null && echo alive $p; done; test -e /work/late && echo wrote-late; true");

        Assert.IsTrue(run.TimedOut);
        Assert.AreEqual("", left.Stdout, "the warm agent and its children are gone, and nothing is written after");
    }

    [TestMethod]
    public async Task A_warm_agent_not_ready_in_time_is_stopped_and_one_that_is_gone_is_not_waited_for()
    {
        await using var sandbox = await (await DockerFixture.FactoryAsync()).StartAsync(DockerFixture.Spec(), CancellationToken.None);
        await RunAsync(sandbox, "d=/work/.agent; mkdir -p $d; setsid sleep 600 > /dev/null 2>&1 & echo $! > $d/pid");

        // No SDK is mounted here: the cold start is the one that says so.
        var slow = await RunAsync(sandbox, AgentEvaluator.AgentCommand("/work", Solve, readyWaitSeconds: 1));
        var stopped = await RunAsync(sandbox, "kill -0 $(cat /work/.agent/pid) 2>/dev/null && echo alive || echo stopped");
        await RunAsync(sandbox, "touch /work/.agent/ready"); // ready, but its process is gone
        var gone = await RunAsync(sandbox, AgentEvaluator.AgentCommand("/work", Solve, readyWaitSeconds: 600));

        Assert.AreNotEqual(0, slow.ExitCode);
        StringAssert.Contains(slow.Stdout + slow.Stderr, "dotnet: not found", "the agent was started cold");
        Assert.AreEqual("stopped\n", stopped.Stdout, "the warm agent that was not ready is stopped, not left to compete");
        Assert.AreNotEqual(0, gone.ExitCode);
        StringAssert.Contains(gone.Stdout + gone.Stderr, "dotnet: not found");
        Assert.IsFalse(gone.TimedOut, "a warm agent that is gone is not waited for");
    }
}
