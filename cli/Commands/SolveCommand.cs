using System.CommandLine;
using System.Text.Json;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Evaluation;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench solve`: run a built agent on a suite's tasks in sandboxes and grade what it produces.</summary>
internal static class SolveCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Build(TextWriter output, TextWriter error)
    {
        var suite = BenchCommands.SuiteOption();
        var sandbox = BenchCommands.SandboxOption();
        var agent = new Option<string>("--agent") { Description = "The agent's build folder (holding Dgm.Agent.dll).", DefaultValueFactory = _ => Path.Combine("agent", "bin", "Debug", "net10.0") };
        var model = new Option<string>("--model") { Description = "heuristic (offline repair), openai:MODEL (through the model gateway; key from DGM_API_KEY or OPENAI_API_KEY), or replay:CASSETTE.", DefaultValueFactory = _ => "heuristic" };
        var endpoint = new Option<string?>("--endpoint") { Description = "The OpenAI-compatible base URL for openai:MODEL (default DGM_MODEL_ENDPOINT, OPENAI_BASE_URL, or OpenAI's)." };
        var record = new Option<string?>("--record") { Description = "Record every model exchange to this cassette (JSON lines) for replay:CASSETTE." };
        var prices = new Option<string?>("--prices") { Description = "Price table (JSON: model -> input_per_million, output_per_million) for cost accounting." };
        var budget = new Option<double?>("--budget-dollars") { Description = "Stop model calls once the run has cost this much." };
        var split = new Option<string?>("--split") { Description = "Only tasks of this split (train or holdout)." };
        var only = new Option<string[]>("--task") { Description = "Only these task ids (repeatable).", AllowMultipleArgumentsPerToken = true };
        var workers = new Option<int>("--workers") { Description = "Tasks at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<int>("--timeout") { Description = "Seconds the agent may work on one task.", DefaultValueFactory = _ => 600 };
        var outDir = new Option<string?>("--out") { Description = "Folder for patches, trajectories and report.json." };
        var command = new Command("solve", "Run an agent on tasks in sandboxes, grade its patches, and report scores per split.")
        {
            suite, sandbox, agent, model, endpoint, record, prices, budget, split, only, workers, timeout, outDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var modelSpec = parse.GetValue(model)!;
            await using var gateway = Gateways.Create(modelSpec, parse.GetValue(endpoint), parse.GetValue(record), parse.GetValue(prices), parse.GetValue(budget));
            var agentModel = gateway is null ? "heuristic" : modelSpec.StartsWith("openai:", StringComparison.Ordinal) ? modelSpec : "openai:replay";

            var loaded = Suite.Load(parse.GetValue(suite)!);
            IEnumerable<BenchTask> tasks = BenchCommands.Select(loaded, parse.GetValue(only), null);
            if (parse.GetValue(split) is { } s)
            {
                tasks = tasks.Where(t => t.Spec.Tags.Split == s);
            }

            var list = tasks.ToList();
            var agentDir = Path.GetFullPath(parse.GetValue(agent)!);
            if (!File.Exists(Path.Combine(agentDir, "Dgm.Agent.dll")))
            {
                throw new CliException($"No built agent in {agentDir}; run: dotnet build agent");
            }

            await using var context = await GradingContext.CreateAsync(parse.GetValue(sandbox)!, list, error, cancellationToken);
            var environment = new GradingEnvironment(GradingEnvironment.HostSdkDir(), PackageCache.DefaultFolder);
            var evaluator = new AgentEvaluator(context.Factory, environment, context.Grader, agentDir, $"solve-{Environment.ProcessId}");
            var attempts = new AgentAttempt[list.Count];
            var folder = parse.GetValue(outDir);
            await Parallel.ForEachAsync(
                Enumerable.Range(0, list.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(workers)), CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var channel = gateway is null ? null : await gateway.OpenChannelAsync("cli", list[i].Id, token);
                    AgentAttempt attempt;
                    await using (channel)
                    {
                        attempt = await evaluator.EvaluateAsync(list[i], agentModel, channel?.Folder, TimeSpan.FromSeconds(parse.GetValue(timeout)), token);
                    }

                    attempts[i] = attempt;
                    await error.WriteLineAsync($"  {attempt.Grade.Status,-11} {attempt.StopReason ?? "no trajectory",-20} {attempt.TaskId}");
                    if (folder is not null)
                    {
                        Directory.CreateDirectory(folder);
                        await File.WriteAllTextAsync(Path.Combine(folder, attempt.TaskId + ".patch"), attempt.Patch, token);
                        await File.WriteAllTextAsync(Path.Combine(folder, attempt.TaskId + ".trajectory.json"), attempt.Trajectory, token);
                    }
                });

            var summary = new
            {
                suite = loaded.Name,
                splits = list.Zip(attempts).GroupBy(p => p.First.Spec.Tags.Split).ToDictionary(
                    g => g.Key,
                    g => new
                    {
                        // Tasks this machine could not run (no CUDA device) are listed, never scored.
                        tasks = g.Count(p => p.Second.Grade.Status != GradeStatus.Skipped),
                        resolved = g.Count(p => p.Second.Grade.Resolved),
                        score = g.Count(p => p.Second.Grade.Status != GradeStatus.Skipped) is var n and > 0 ? g.Count(p => p.Second.Grade.Resolved) / (double)n : (double?)null,
                        skipped = g.Where(p => p.Second.Grade.Status == GradeStatus.Skipped).ToDictionary(p => p.Second.TaskId, p => p.Second.Grade.Error),
                        plausible_but_wrong = g.Where(p => p.Second.PlausibleButWrong).Select(p => p.Second.TaskId).ToList(),
                        resolved_ids = g.Where(p => p.Second.Grade.Resolved).Select(p => p.Second.TaskId).ToList(),
                    }),
                stop_reasons = attempts.GroupBy(a => a.StopReason ?? "none").ToDictionary(g => g.Key, g => g.Count()),
                model_usage = gateway?.Usage.Run,
                run = new RunReport([.. attempts.Select(a => a.Grade)]),
            };
            var text = JsonSerializer.Serialize(summary, Json);
            if (folder is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), text, cancellationToken);
            }

            await output.WriteLineAsync(text);
            return 0;
        });
        return command;
    }
}
