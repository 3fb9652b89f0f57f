using System.Globalization;
using System.Text.Json;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Evolution.Evaluation;

/// <summary>One agent's attempt at one task: what it produced, why it stopped, and the grade.</summary>
public sealed record AgentAttempt(string TaskId, string Patch, string Trajectory, string? StopReason, CommandResult Run, TaskReport Grade)
{
    /// <summary>The agent believed its patch works (visible tests passed) but the hidden tests disagree.</summary>
    public bool PlausibleButWrong => StopReason == "plausible_patch" && !Grade.Resolved;
}

/// <summary>
/// Runs a built agent on a task inside a fresh sandbox (the repository and problem only: never the
/// hidden tests; with the fast path's plans, the repository comes built, see BuildPlans.GetVisibleAsync),
/// takes its patch out, and grades the patch in another fresh sandbox. Thread-safe.
/// </summary>
public sealed class AgentEvaluator(ISandboxFactory sandboxes, GradingEnvironment environment, Grader grader, string agentBuildDir, string runId)
{
    public const string AgentMount = "/agent";
    public const string GatewayMount = "/gateway";

    public async Task<AgentAttempt> EvaluateAsync(BenchTask task, string model, string? gatewayFolder, TimeSpan timeout, CancellationToken cancellationToken, GradingPath path = GradingPath.Full)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (environment.Cuda.SkipReason(task) is not null)
        {
            // The machine cannot run the task's tests (no CUDA device): no attempt, a skipped grade, out of the score.
            var skipped = await grader.GradeAsync(task, "", cancellationToken);
            return new AgentAttempt(task.Id, "", "", "skipped", new CommandResult("", skipped.Error ?? "", 0, TimeSpan.Zero, Truncated: false, TimedOut: false), skipped);
        }

        var dll = Path.Combine(agentBuildDir, "Dgm.Agent.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No built agent at {dll}; build it first (dotnet build agent).", dll);
        }

        try
        {
            var (run, patch, trajectory) = await RunAgentAsync(task, model, gatewayFolder, timeout, cancellationToken);
            var grade = await grader.GradeAsync(task, patch, cancellationToken, path: path);
            return new AgentAttempt(task.Id, patch, trajectory, StopReasonOf(trajectory), run, grade);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One broken attempt must not end the run: it counts as the empty patch it produced.
            var failed = new CommandResult("", e.Message, -1, TimeSpan.Zero, Truncated: false, TimedOut: false);
            return new AgentAttempt(task.Id, "", "", "harness_error", failed, await grader.GradeAsync(task, "", cancellationToken));
        }
    }

    /// <summary>
    /// Tells a pool of sandboxes how many agent sandboxes these tasks will ask for (offline: a model's channel
    /// makes every task's sandbox its own), so it warms up as many as will be used and no more.
    /// </summary>
    public void Expect(IEnumerable<BenchTask> tasks)
    {
        if (sandboxes is SandboxPool pool)
        {
            foreach (var task in tasks.Where(t => environment.Cuda.SkipReason(t) is null))
            {
                pool.Expect(AgentSpec(task, gatewayFolder: null), 1);
            }
        }
    }

    private SandboxSpec AgentSpec(BenchTask task, string? gatewayFolder)
    {
        var spec = environment.SandboxSpec(runId, task);
        return spec with
        {
            Mounts =
            [
                .. spec.Mounts,
                new MountSpec(Path.GetFullPath(agentBuildDir), AgentMount),
                .. gatewayFolder is null ? Array.Empty<MountSpec>() : [new MountSpec(gatewayFolder, GatewayMount)],
            ],
            PoolWarmUp = WarmUp(spec.WorkDir),
        };
    }

    private async Task<(CommandResult Run, string Patch, string Trajectory)> RunAgentAsync(
        BenchTask task, string model, string? gatewayFolder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var spec = AgentSpec(task, gatewayFolder);
        var scratch = Directory.CreateTempSubdirectory("dgm-attempt-").FullName;
        try
        {
            CommandResult run;
            await using (var sandbox = await sandboxes.StartAsync(spec, cancellationToken))
            {
                var work = sandbox.WorkDir;
                // The repository, the unchanged repository's build when there is one (bin/ and obj/, no hidden test:
                // the agent's first test run needs none) and the problem, in one copy. The build is of these very
                // sources (its key hashes them), but a cached one may be older than the files' own times (a fresh
                // clone): it is dated as copied, so the agent and MSBuild see it up to date.
                var built = grader.Plans is { } plans ? await plans.GetVisibleAsync(task, cancellationToken) : null;
                await sandbox.CopyInAsync(
                    [
                        new CopyIn(task.RepoDir, $"{work}/repo"),
                        .. built is null ? Array.Empty<CopyIn>() : [new CopyIn(built, $"{work}/repo", Stamped: true)],
                        new CopyIn(task.ProblemPath, $"{work}/problem.md"),
                    ],
                    cancellationToken);

                // What the agent leaves (its patch and its log) goes to one folder, taken out in one copy.
                var output = $"{work}/out";
                string[] solve =
                [
                    "solve", "--repo", $"{work}/repo", "--problem", $"{work}/problem.md", "--out", $"{output}/out.patch", "--log", $"{output}/trajectory.json",
                    "--model", model, "--timeout", ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                    .. gatewayFolder is null ? Array.Empty<string>() : ["--endpoint", $"unix:{GatewayMount}/model.sock"],
                ];
                run = await sandbox.RunAsync(new CommandRequest($"mkdir -p {output} && {AgentCommand(work, solve)}", timeout + TimeSpan.FromMinutes(1)), cancellationToken);
                if (run.TimedOut)
                {
                    // A cold agent died with its command; a warm one is in its own process group: it goes too, before
                    // anything is taken out, so a late patch is never graded.
                    await sandbox.RunAsync(new CommandRequest(StopWarmAgent(work), TimeSpan.FromSeconds(30)), cancellationToken);
                }

                CopyReport copy;
                try
                {
                    copy = await sandbox.CopyOutAsync(output, scratch, cancellationToken);
                }
                catch (Exception e) when (e is SandboxException or IOException)
                {
                    copy = new CopyReport(0, 0, [$"nothing came out of {output} (the agent removed it?): {e.Message}"]); // graded as no patch
                }

                // A cut patch is graded as it is (it will not apply); the note goes to the agent's log.
                run = copy.Complete ? run : run with { Stderr = run.Stderr + $"\ndgm: {string.Join("; ", copy.Notes)}" };
            }

            return (run, await ReadIfExistsAsync(Path.Combine(scratch, "out.patch"), cancellationToken), await ReadIfExistsAsync(Path.Combine(scratch, "trajectory.json"), cancellationToken));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// Started by the pool in each agent sandbox it keeps ready: the agent, before it has a task, warms up and
    /// waits (its `warm` command), in a session of its own (its process id is its group's); the launcher writes
    /// that id.
    /// </summary>
    private static string WarmUp(string work) =>
        $"mkdir -p {work}/.agent && {{ setsid dotnet {AgentMount}/Dgm.Agent.dll warm --dir {work}/.agent > {work}/.agent/warm.log 2>&1 < /dev/null & echo $! > {work}/.agent/pid; }}";

    /// <summary>Kills the warm agent's whole process group (its own session, from <see cref="WarmUp"/>), if there is one.</summary>
    public static string StopWarmAgent(string work) =>
        $"p=$(cat {work}/.agent/pid 2>/dev/null); [ -n \"$p\" ] && kill -KILL -- -\"$p\" 2>/dev/null; true";

    /// <summary>
    /// Runs the agent's command in the warm agent when there is one (waiting a little for its warm-up to end; it
    /// runs the command as if started with it, its output and exit code passed on), else starts the agent for it,
    /// as in a sandbox no pool warmed (a build without the `warm` command, the local backend, a cold start).
    /// </summary>
    public static string AgentCommand(string work, IReadOnlyList<string> args, int readyWaitSeconds = 10)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quoted = string.Join(' ', args.Select(a => $"'{a.Replace("'", "", StringComparison.Ordinal)}'"));
        var d = $"{work}/.agent";
        return $"{{ p=$(cat {d}/pid 2>/dev/null); "
            + $"i=0; while [ -n \"$p\" ] && [ ! -e {d}/ready ] && [ $i -lt {readyWaitSeconds * 100} ] && kill -0 \"$p\" 2>/dev/null; do sleep 0.01; i=$((i+1)); done; "
            + $"if [ -n \"$p\" ] && [ -e {d}/ready ] && kill -0 \"$p\" 2>/dev/null; then "
            + $"printf '%s\\n' {quoted} > {d}/request.tmp && mv {d}/request.tmp {d}/request && tail --pid=\"$p\" -s 0.02 -f /dev/null; "
            + $"cat {d}/stdout 2>/dev/null; cat {d}/stderr >&2 2>/dev/null; exit \"$(cat {d}/exit 2>/dev/null || echo 70)\"; fi; "
            + $"[ -n \"$p\" ] && kill -KILL -- -\"$p\" 2>/dev/null; "
            + $"exec dotnet {AgentMount}/Dgm.Agent.dll {quoted}; }}";
    }

    private static async Task<string> ReadIfExistsAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";

    private static string? StopReasonOf(string trajectory)
    {
        try
        {
            return trajectory.Length == 0 ? null : JsonDocument.Parse(trajectory).RootElement.GetProperty("stop_reason").GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
