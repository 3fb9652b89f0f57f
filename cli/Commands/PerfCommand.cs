using System.CommandLine;
using System.Text.RegularExpressions;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Perf;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench perf`: the harness's overheads, measured side by side.</summary>
internal static class PerfCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var suite = BenchCommands.SuiteOption();
        var task = new Option<string>("--task") { Description = "Task to grade.", DefaultValueFactory = _ => "date-range-inclusive-days" };
        var iterations = new Option<int>("--iterations") { Description = "Measured runs per side.", DefaultValueFactory = _ => 7 };
        var write = new Option<string?>("--write") { Description = "Also write the table into this markdown file, between the perf markers." };
        var agent = new Option<string>("--agent") { Description = "The agent's build folder, for the repair-validation measure.", DefaultValueFactory = _ => Path.Combine("agent", "bin", "Debug", "net10.0") };
        var repairTask = new Option<string>("--repair-task") { Description = "Task the offline agent repairs for the candidate-validation measure.", DefaultValueFactory = _ => "leap-year-century" };
        var evalTasks = new Option<int>("--eval-tasks") { Description = "Train tasks (spread over the split) the evaluation measure runs the seed agent on.", DefaultValueFactory = _ => 6 };
        var iterationBaseline = new Option<bool>("--iteration-baseline") { Description = "With the iteration measure: run the same iteration again graded by the full path (about three times as long)." };
        var only = new Option<string[]>("--only") { Description = $"Run only these measures ({string.Join(", ", Measures)}); all by default.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("perf", "Measure sandbox and grading overheads against raw docker run and bare dotnet test, the fast grading path against the full one, and the offline agent's candidate validation.")
        {
            suite, task, iterations, write, agent, repairTask, only, evalTasks, iterationBaseline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = BenchCommands.FindTask(Suite.Load(parse.GetValue(suite)!), parse.GetValue(task)!);
            var n = parse.GetValue(iterations);
            await using var context = await GradingContext.CreateAsync("docker", [target], error, cancellationToken);
            var environment = new GradingEnvironment(GradingEnvironment.HostSdkDir(), PackageCache.DefaultFolder);
            // Today's measures start their own sandboxes; the fast path's use the pool of pre-started ones.
            var unpooled = context.Factory is SandboxPool pool ? pool.Inner : context.Factory;
            var perf = new HarnessPerf(unpooled, environment);
            // The iteration measure is a whole evolution run (minutes): only when asked for.
            var chosen = parse.GetValue(only) is { Length: > 0 } names ? names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase) : [.. Measures.Where(m => m != "iteration")];
            if (chosen.FirstOrDefault(c => !Measures.Contains(c, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                throw new CliException($"Unknown measure '{unknown}': choose from {string.Join(", ", Measures)}.");
            }

            var pairs = new List<PerfPair>();
            if (chosen.Contains("lifecycle"))
            {
                await output.WriteLineAsync($"measuring sandbox lifecycle ({n} runs per side)...");
                pairs.Add(await perf.SandboxLifecycleAsync(n, cancellationToken));
            }

            PerfPair? grading = null;
            if (chosen.Contains("grading") || chosen.Contains("validation"))
            {
                await output.WriteLineAsync($"measuring grading of {target.Id} ({n} runs per side)...");
                grading = await perf.GradingAsync(target, n, cancellationToken);
                pairs.Add(grading);
            }

            if (chosen.Contains("fast"))
            {
                await output.WriteLineAsync($"measuring fast grading of {target.Id} against the full path ({n} runs per side)...");
                pairs.Add(await new HarnessPerf(context.Factory, environment).FastGradingAsync(target, n, new BuildPlans(context.Factory, environment, "perf"), cancellationToken));
            }

            if (chosen.Contains("evaluation"))
            {
                var train = Suite.Load(parse.GetValue(suite)!).Split("train").ToList();
                var sample = Enumerable.Range(0, Math.Min(parse.GetValue(evalTasks), train.Count)).Select(i => train[i * train.Count / Math.Min(parse.GetValue(evalTasks), train.Count)]).ToList();
                await output.WriteLineAsync($"measuring task evaluations by the offline seed on {sample.Count} train tasks, today's path against the cheap one...");
                pairs.Add(await EvaluationPerf.MeasureAsync(context.Factory as SandboxPool ?? new SandboxPool(context.Factory), environment, Path.GetFullPath(parse.GetValue(agent)!), sample, Math.Max(1, n / 3), output, cancellationToken));
            }

            if (chosen.Contains("iteration"))
            {
                await output.WriteLineAsync("measuring one evolution iteration (P7) as `dgm evolve` runs it...");
                pairs.Add(await IterationPerf.MeasureAsync(parse.GetValue(suite)!, parse.GetValue(iterationBaseline), output, error, cancellationToken));
            }

            if (chosen.Contains("validation"))
            {
                var repair = BenchCommands.FindTask(Suite.Load(parse.GetValue(suite)!), parse.GetValue(repairTask)!);
                await output.WriteLineAsync($"measuring the offline agent's candidate validation on {repair.Id}...");
                pairs.Add(await RepairPerf.MeasureAsync(Path.GetFullPath(parse.GetValue(agent)!), repair, grading!.BaselineSeconds, environment, cancellationToken));
            }

            var table = HarnessPerf.Markdown(pairs, Machine(), n);
            await output.WriteLineAsync(table);
            if (parse.GetValue(write) is { } file)
            {
                Write(file, table);
                await output.WriteLineAsync($"written to {file}");
            }

            return pairs.All(p => p.MeetsTarget) ? 0 : 1;
        });
        return command;
    }

    private static readonly string[] Measures = ["lifecycle", "grading", "fast", "evaluation", "validation", "iteration"];

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {Environment.OSVersion}";
    }

    /// <summary>Writes <paramref name="table"/> into <paramref name="file"/> between the `&lt;!-- MARKER:begin --&gt;` and `:end` markers (appended when absent).</summary>
    internal static void Write(string file, string table, string marker = "perf")
    {
        var begin = $"<!-- {marker}:begin -->";
        var end = $"<!-- {marker}:end -->";
        var block = $"{begin}\n{table}{end}";
        var text = File.Exists(file) ? File.ReadAllText(file) : $"# Benchmarks\n\n{begin}\n{end}\n";
        text = text.Contains(begin, StringComparison.Ordinal)
            ? Regex.Replace(text, Regex.Escape(begin) + ".*?" + Regex.Escape(end), block.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.Singleline)
            : text + "\n" + block + "\n";
        File.WriteAllText(file, text);
    }
}
