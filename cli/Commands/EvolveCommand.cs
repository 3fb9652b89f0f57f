using System.CommandLine;
using System.Text.Json;
using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Runs;
using Dgm.Evolution.Selection;
using Humanizer;

namespace Dgm.Cli.Commands;

/// <summary>`dgm evolve`: start or resume an evolution run in a run folder.</summary>
internal static class EvolveCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Build(TextWriter output, TextWriter error)
    {
        var run = RunOption();
        var model = new Option<string>("--model") { Description = "heuristic (offline self-improvement and repair), openai:MODEL (through the model gateway), or replay:CASSETTE.", DefaultValueFactory = _ => "heuristic" };
        var endpoint = new Option<string?>("--endpoint") { Description = "The OpenAI-compatible base URL for openai:MODEL." };
        var record = new Option<string?>("--record") { Description = "Record every model exchange to this cassette, for --model replay:CASSETTE." };
        var suite = BenchCommands.SuiteOption();
        var iterations = new Option<int>("--iterations") { Description = "Iterations in total (a resumed run counts those done; an interrupted one is redone, not counted).", DefaultValueFactory = _ => 3 };
        var children = new Option<int>("--children") { Description = "Self-improvement attempts per iteration.", DefaultValueFactory = _ => 2 };
        var selection = new Option<string>("--selection") { Description = $"Parent selection: {string.Join(", ", ParentSelectors.Names)}.", DefaultValueFactory = _ => "dgm" };
        selection.AcceptOnlyFromAmong([.. ParentSelectors.Names]);
        var workers = new Option<int>("--workers") { Description = "Sandbox jobs at once (self-improvements, builds, task evaluations).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<int>("--seed") { Description = "Seeds every random choice: the same seed gives the same choices.", DefaultValueFactory = _ => 0 };
        var sandbox = BenchCommands.SandboxOption();
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted run in --run with its own options; only --iterations, --workers, --sandbox and the --max-* budgets may change." };
        var stage1 = new Option<int>("--stage1") { Description = "Train tasks in stage 1 (the paper's 10).", DefaultValueFactory = _ => 10 };
        var stage2 = new Option<int>("--stage2") { Description = "More train tasks in stage 2 (the paper's 40 more).", DefaultValueFactory = _ => 40 };
        var threshold = new Option<double>("--stage2-threshold") { Description = "Stage 2 runs when stage 1's score is above this.", DefaultValueFactory = _ => 0.4 };
        var grading = new Option<string>("--grading") { Description = "fast: stages 1 and 2 graded by the fast in-memory path where it is faithful (the rest of train and holdout always by the full path); full: every task by dotnet test.", DefaultValueFactory = _ => "fast" };
        grading.AcceptOnlyFromAmong("fast", "full");
        var fullTrain = new Option<bool>("--full-train") { Description = "Evaluate the archive's top two on all of train." };
        var holdout = new Option<int>("--holdout-tasks") { Description = "Holdout tasks scored for the seed and the final best (0: all)." };
        var keep = new Option<string>("--keep") { Description = "all (every valid child, open-ended) or better (children at least seed − 0.1).", DefaultValueFactory = _ => "all" };
        keep.AcceptOnlyFromAmong("all", "better");
        var improver = new Option<string>("--improver") { Description = "evolving (a child is improved by its parent's build) or frozen (always by the seed's: the fixed-meta-agent ablation).", DefaultValueFactory = _ => "evolving" };
        improver.AcceptOnlyFromAmong("evolving", "frozen");
        var approve = new Option<string>("--approve") { Description = "auto, or manual: valid children wait for `dgm approve ID`.", DefaultValueFactory = _ => "auto" };
        approve.AcceptOnlyFromAmong("auto", "manual");
        var taskTimeout = new Option<int>("--task-timeout") { Description = "Seconds an agent may work on one task.", DefaultValueFactory = _ => 300 };
        var maxEvaluations = new Option<int?>("--max-evaluations") { Description = "Stop after this many task evaluations." };
        var maxCost = new Option<double?>("--max-cost") { Description = "Stop once model calls have cost this many dollars." };
        var maxMinutes = new Option<double?>("--max-minutes") { Description = "Stop starting iterations after this many minutes (every process of the run counts)." };
        var agentSource = new Option<string?>("--agent-source") { Description = "The seed agent's source folder (default: agent/ of this repository)." };
        var from = new Option<string?>("--from") { Description = $"Start the new --run folder from another run's archive (its evaluated seed and nodes, copied) and go on with other method options ({string.Join(", ", RunFork.MethodOptions)}); every other option is the base run's; --iterations counts the base's." };
        var command = new Command("evolve", "Run the Darwin Gödel Machine: evaluate the seed, then let agents improve themselves, iteration by iteration.")
        {
            run, model, endpoint, record, suite, iterations, children, selection, workers, seed, sandbox, resume, stage1, stage2, threshold,
            grading, fullTrain, holdout, keep, improver, approve, taskTimeout, maxEvaluations, maxCost, maxMinutes, agentSource, from,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(parse.GetValue(run) ?? Path.Combine("runs", DateTime.Now.ToString("yyyy-MM-dd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))));
            var options = new EvolutionOptions
            {
                RunDir = runDir,
                Suite = parse.GetValue(suite)!,
                Model = parse.GetValue(model)!,
                Endpoint = parse.GetValue(endpoint),
                Iterations = parse.GetValue(iterations),
                Children = parse.GetValue(children),
                Selection = parse.GetValue(selection)!,
                Workers = parse.GetValue(workers),
                Seed = parse.GetValue(seed),
                Sandbox = parse.GetValue(sandbox)!,
                Stage1Tasks = parse.GetValue(stage1),
                Stage2Tasks = parse.GetValue(stage2),
                Stage2Threshold = parse.GetValue(threshold),
                Grading = parse.GetValue(grading)!,
                FullTrain = parse.GetValue(fullTrain),
                HoldoutTasks = parse.GetValue(holdout),
                Keep = parse.GetValue(keep)!,
                Improver = parse.GetValue(improver)!,
                Approve = parse.GetValue(approve)!,
                TaskTimeoutSeconds = parse.GetValue(taskTimeout),
                MaxEvaluations = parse.GetValue(maxEvaluations),
                MaxCostDollars = parse.GetValue(maxCost),
                MaxWallMinutes = parse.GetValue(maxMinutes),
                SeedSource = Path.GetFullPath(parse.GetValue(agentSource) ?? RepositoryAgentSource()),
            };
            var fromDir = parse.GetValue(from);
            var explicitly = command.Options.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            if (fromDir is not null)
            {
                if (parse.GetValue(resume))
                {
                    throw new CliException("--from starts a new run folder from another run; it does not go with --resume (continue a run with --resume in its own folder).");
                }

                try
                {
                    // The options (and the base's suite) are checked before anything is copied, so a refused one leaves
                    // no folder behind; the copy holds the new run's information before it takes the folder's name.
                    RunFork.Copy(fromDir, runDir, info =>
                    {
                        var merged = Merge(info, options, explicitly, forked: true);
                        CheckSuite(merged);
                        return Forked(info, merged);
                    });
                }
                catch (ArgumentException e)
                {
                    throw new CliException(e.Message);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"--from {fromDir}: copying the run into {runDir} failed ({e.Message}); nothing was left there.", e);
                }
            }
            else if (!parse.GetValue(resume))
            {
                // A mistyped suite, or one this machine cannot run (cuda without a device), must fail before
                // the run folder holds anything a retry would trip over.
                CheckSuite(options);
            }

            Directory.CreateDirectory(runDir);
            using var runLock = RunLock.Acquire(runDir);
            var started = File.Exists(Path.Combine(runDir, ArchiveStore.FileName));
            using var store = ArchiveStore.OpenForRun(runDir);
            options = ResolveOptions(store, options, parse.GetValue(resume) || fromDir is not null, explicitly, started, forked: fromDir is not null);
            using var lineage = Lineage.Open(runDir);
            await using var gateway = Gateways.Create(options.Model, options.Endpoint, parse.GetValue(record));
            var loaded = Suite.Load(options.Suite);
            await using var context = await GradingContext.CreateAsync(options.Sandbox, loaded.Tasks, error, cancellationToken);
            var environment = new GradingEnvironment(GradingEnvironment.HostSdkDir(), PackageCache.DefaultFolder);
            await output.WriteLineAsync($"dgm: run {runDir}: {options.Iterations} iterations × {options.Children} children, selection {options.Selection}, model {options.Model}, {options.Workers} workers");
            foreach (var reason in loaded.Tasks.Select(environment.Cuda.SkipReason).OfType<string>().GroupBy(r => r))
            {
                await output.WriteLineAsync($"dgm: {"task".ToQuantity(reason.Count())} of {loaded.Name} left out of every stage and score ({reason.Key})");
            }

            RunSummary summary;
            try
            {
                summary = await LiveProgress.RunAsync(output, () => gateway?.Usage.Run.Dollars ?? 0, async report =>
                {
                    using var runContext = new RunContext(options, store, lineage, context.Factory, environment, loaded, gateway, report);
                    return await new EvolutionRun(runContext).RunAsync(cancellationToken);
                });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                store.SetRunInfo(store.GetRunInfo()! with { Status = RunStatus.Interrupted });
                await error.WriteLineAsync($"dgm: stopped; continue with: dgm evolve --run {runDir} --resume");
                throw;
            }

            store.SetRunInfo(store.GetRunInfo()! with { Status = RunStatus.Finished, Finished = DateTimeOffset.UtcNow });
            await output.WriteLineAsync();
            await output.WriteLineAsync(
                $"done ({summary.StopReason}) in {TimeSpan.FromSeconds(summary.WallSeconds).Humanize(2)}: {"node".ToQuantity(summary.Nodes)}, {summary.Valid} valid; "
                + $"seed train {Percent(summary.SeedTrain)} holdout {Percent(summary.SeedHoldout)} → best (node {summary.BestId}) train {Percent(summary.BestTrain)} holdout {Percent(summary.BestHoldout)}");
            await output.WriteLineAsync($"summary: {Path.Combine(runDir, "summary.json")}; see the tree with: dgm tree --run {runDir}");
            return 0;
        });
        return command;
    }

    internal static Option<string?> RunOption() => new("--run") { Description = "The run folder (default for evolve: runs/<date-time>; for the other commands: the newest folder under runs/)." };

    internal static string Percent(double? score) => score is { } s ? $"{s:P0}" : "-";

    /// <summary>
    /// The options a resume may change (how long it goes on and how many sandboxes at once); every other option
    /// keeps its stored value, and passing a different one is an error.
    /// </summary>
    internal static readonly IReadOnlyList<string> ResumableOptions = ["--iterations", "--workers", "--sandbox", "--max-evaluations", "--max-cost", "--max-minutes"];

    // The stored field behind each option that a resume may not change.
    private static readonly Dictionary<string, string> FixedOptions = new(StringComparer.Ordinal)
    {
        ["--model"] = nameof(EvolutionOptions.Model),
        ["--endpoint"] = nameof(EvolutionOptions.Endpoint),
        ["--suite"] = nameof(EvolutionOptions.Suite),
        ["--children"] = nameof(EvolutionOptions.Children),
        ["--selection"] = nameof(EvolutionOptions.Selection),
        ["--seed"] = nameof(EvolutionOptions.Seed),
        ["--stage1"] = nameof(EvolutionOptions.Stage1Tasks),
        ["--stage2"] = nameof(EvolutionOptions.Stage2Tasks),
        ["--stage2-threshold"] = nameof(EvolutionOptions.Stage2Threshold),
        ["--grading"] = nameof(EvolutionOptions.Grading),
        ["--full-train"] = nameof(EvolutionOptions.FullTrain),
        ["--holdout-tasks"] = nameof(EvolutionOptions.HoldoutTasks),
        ["--keep"] = nameof(EvolutionOptions.Keep),
        ["--improver"] = nameof(EvolutionOptions.Improver),
        ["--approve"] = nameof(EvolutionOptions.Approve),
        ["--task-timeout"] = nameof(EvolutionOptions.TaskTimeoutSeconds),
        ["--agent-source"] = nameof(EvolutionOptions.SeedSource),
    };

    /// <summary>
    /// A new run stores its options; a resumed run takes its stored ones, except the <see cref="ResumableOptions"/>
    /// passed explicitly; a run started --from another (<paramref name="forked"/>, its archive copied in) takes the
    /// base's, except those and the <see cref="RunFork.MethodOptions"/> passed explicitly.
    /// </summary>
    private static EvolutionOptions ResolveOptions(ArchiveStore store, EvolutionOptions given, bool resume, HashSet<string> explicitly, bool started, bool forked)
    {
        var info = store.GetRunInfo();

        // A run killed before it recorded anything has nothing to resume: it starts, as it was asked to.
        if (!resume || (started && info is null && store.All().Count == 0))
        {
            if (info is not null || store.All().Count > 0)
            {
                throw new CliException($"The run folder {given.RunDir} already holds a run; continue it with --resume, or pass a new --run folder.");
            }

            store.SetRunInfo(new RunInfo(Path.GetFileName(given.RunDir), DateTimeOffset.UtcNow, ToDictionary(given), RunStatus.Running));
            return given;
        }

        if (info is null)
        {
            throw new CliException($"There is no run to resume in {given.RunDir}; start one without --resume.");
        }

        var options = Merge(info, given, explicitly, forked);
        store.SetRunInfo(info with { Options = ToDictionary(options), Status = RunStatus.Running });
        return options;
    }

    /// <summary>The run information of a run started --from another: its own name and start, the merged options, the base's totals.</summary>
    private static RunInfo Forked(RunInfo info, EvolutionOptions options) =>
        info with { RunId = Path.GetFileName(options.RunDir), Created = DateTimeOffset.UtcNow, Options = ToDictionary(options), Status = RunStatus.Running, Finished = null };

    private static void CheckSuite(EvolutionOptions options)
    {
        try
        {
            _ = StagePlan.Create(Suite.Load(options.Suite), options, CudaSupport.Host.SkipReason);
        }
        catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>The stored options of a run with those <paramref name="given"/> explicitly that may change; throws for one that may not.</summary>
    private static EvolutionOptions Merge(RunInfo info, EvolutionOptions given, HashSet<string> explicitly, bool forked)
    {
        EvolutionOptions stored;
        try
        {
            var json = "{" + string.Join(",", info.Options.Select(o => $"{JsonSerializer.Serialize(o.Key)}:{o.Value}")) + "}";
            stored = JsonSerializer.Deserialize<EvolutionOptions>(json, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new CliException($"The run{(forked ? " to start from" : $" in {given.RunDir}")} has unreadable options ({e.Message}); start a new run folder.", e);
        }

        var givenValues = ToDictionary(given);
        var storedValues = ToDictionary(stored);
        foreach (var option in explicitly.Where(FixedOptions.ContainsKey).Where(o => !forked || !RunFork.MethodOptions.Contains(o)))
        {
            var field = FixedOptions[option];
            if (givenValues.GetValueOrDefault(field) != storedValues.GetValueOrDefault(field))
            {
                throw new CliException(forked
                    ? $"{option} cannot differ from the base run's ({storedValues.GetValueOrDefault(field)}) in a run started --from it: it decides what the copied nodes are. Such a run may change {string.Join(", ", RunFork.MethodOptions.Concat(ResumableOptions))}."
                    : $"{option} cannot change when a run is resumed (the run has {storedValues.GetValueOrDefault(field)}); resume without it, or start a new run folder. A resume may change {string.Join(", ", ResumableOptions)}.");
            }
        }

        T Method<T>(string option, T mine, T theirs) => forked && explicitly.Contains(option) ? mine : theirs;
        return stored with
        {
            Selection = Method("--selection", given.Selection, stored.Selection),
            Improver = Method("--improver", given.Improver, stored.Improver),
            Children = Method("--children", given.Children, stored.Children),
            Keep = Method("--keep", given.Keep, stored.Keep),
            Approve = Method("--approve", given.Approve, stored.Approve),
            RunDir = given.RunDir,
            Iterations = explicitly.Contains("--iterations") ? given.Iterations : stored.Iterations,
            Workers = explicitly.Contains("--workers") ? given.Workers : stored.Workers,
            Sandbox = explicitly.Contains("--sandbox") ? given.Sandbox : stored.Sandbox,
            MaxEvaluations = explicitly.Contains("--max-evaluations") ? given.MaxEvaluations : stored.MaxEvaluations,
            MaxCostDollars = explicitly.Contains("--max-cost") ? given.MaxCostDollars : stored.MaxCostDollars,
            MaxWallMinutes = explicitly.Contains("--max-minutes") ? given.MaxWallMinutes : stored.MaxWallMinutes,
        };
    }

    /// <summary>Each option as its JSON text, so the archive shows exactly what was asked and a resume reads it back.</summary>
    private static Dictionary<string, string> ToDictionary(EvolutionOptions options) =>
        JsonSerializer.SerializeToElement(options, Json).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());

    /// <summary>agent/ of the repository this command runs from (found upward from the current folder or the program).</summary>
    private static string RepositoryAgentSource()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "agent", "Dgm.Agent.csproj")) && File.Exists(Path.Combine(dir.FullName, "Dgm.sln")))
                {
                    return Path.Combine(dir.FullName, "agent");
                }
            }
        }

        throw new CliException("The seed agent's source (agent/ of the Dgm repository) was not found; run from the repository or pass --agent-source.");
    }
}
