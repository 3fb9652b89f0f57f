using System.CommandLine;
using System.Text.Json;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Tasks;
using Dgm.Benchmarks.Validation;
using Dgm.Sandbox;
using Humanizer;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench`: validate suites, grade patches, measure the harness.</summary>
internal static class BenchCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Build(TextWriter output, TextWriter error)
    {
        var bench = new Command("bench", "Benchmark suites: validate tasks, grade patches, measure the harness.");
        bench.Subcommands.Add(Validate(output, error));
        bench.Subcommands.Add(Grade(output, error));
        bench.Subcommands.Add(Run(output, error));
        bench.Subcommands.Add(SolveCommand.Build(output, error));
        bench.Subcommands.Add(PerfCommand.Build(output, error));
        bench.Subcommands.Add(AgreeCommand.Build(output, error));
        bench.Subcommands.Add(ImportCommand.Build(output));
        bench.Subcommands.Add(SynthCommand.Build(output, error));
        return bench;
    }

    internal static Option<string> SuiteOption() => new("--suite") { Description = "Suite name (under benchmarks/suites) or folder.", DefaultValueFactory = _ => "dgm-bugs" };

    internal static Option<string> SandboxOption() => new("--sandbox") { Description = "docker (default) or local.", DefaultValueFactory = _ => "docker" };

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var suite = SuiteOption();
        var sandbox = SandboxOption();
        var json = new Option<bool>("--json") { Description = "Print a machine-readable summary." };
        var workers = new Option<int>("--workers") { Description = "Gradings at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var sample = new Option<int?>("--sample") { Description = "Validate only N tasks spread over the suite." };
        var only = new Option<string[]>("--task") { Description = "Validate only these task ids (repeatable).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("validate", "Grade every task with its gold patch twice and an empty patch once; fail on any invalid or unstable task.")
        {
            suite, sandbox, json, workers, sample, only,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = Suite.Load(parse.GetValue(suite)!);
            var tasks = Select(loaded, parse.GetValue(only), parse.GetValue(sample));
            await using var context = await GradingContext.CreateAsync(parse.GetValue(sandbox)!, tasks, error, cancellationToken);
            var validator = new SuiteValidator(context.Grader);
            var quiet = parse.GetValue(json);
            var started = DateTime.UtcNow;
            var result = await validator.ValidateAsync(loaded, tasks, parse.GetValue(workers), v =>
            {
                if (!quiet)
                {
                    output.WriteLine(v.Valid ? $"  valid    {v.InstanceId}" : $"  INVALID  {v.InstanceId}: {string.Join("; ", v.Problems)}");
                    foreach (var line in v.StaticCheck.Append(v.Skipped).OfType<string>())
                    {
                        output.WriteLine($"           {line}");
                    }
                }
            }, cancellationToken);
            foreach (var loadError in result.LoadErrors)
            {
                await error.WriteLineAsync($"  INVALID  {loadError.Folder}: {loadError.Message}");
            }

            if (quiet)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    new
                    {
                        suite = result.Suite,
                        tasks = result.Tasks,
                        valid = result.Valid,
                        invalid_ids = result.InvalidIds,
                        problems = result.Results.Where(r => !r.Valid).ToDictionary(r => r.InstanceId, r => r.Problems),
                        static_check = result.Results.Where(r => r.StaticCheck.Count > 0).ToDictionary(r => r.InstanceId, r => r.StaticCheck),
                        skipped = result.Skipped,
                        ok = result.Ok,
                    },
                    Json));
            }
            else
            {
                await output.WriteLineAsync(
                    $"{result.Suite}: {result.Valid} of {"task".ToQuantity(result.Tasks)} valid in {(DateTime.UtcNow - started).Humanize(2)}"
                    + (result.Ok ? "" : $"; invalid: {string.Join(", ", result.InvalidIds)}")
                    + (result.Skipped.Count == 0 ? "" : $"; tests not run on {result.Skipped.Count} (static check only): {string.Join("; ", result.Skipped.Values.Distinct())}"));
            }

            return result.Ok ? 0 : 1;
        });
        return command;
    }

    private static Command Grade(TextWriter output, TextWriter error)
    {
        var suite = SuiteOption();
        var sandbox = SandboxOption();
        var task = new Option<string>("--task") { Description = "Task id (or folder name).", Required = true };
        var patch = new Option<string?>("--patch") { Description = "Patch file to grade; '-' reads standard input." };
        var gold = new Option<bool>("--gold") { Description = "Grade the task's gold patch." };
        var fast = FastOption();
        var command = new Command("grade", "Grade one patch on one task and print the report as JSON.") { suite, sandbox, task, patch, gold, fast };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = Suite.Load(parse.GetValue(suite)!);
            var target = FindTask(loaded, parse.GetValue(task)!);
            var patchPath = parse.GetValue(patch);
            var text = parse.GetValue(gold) ? target.GoldPatch
                : patchPath is null ? ""
                : patchPath == "-" ? await Console.In.ReadToEndAsync(cancellationToken)
                : File.Exists(patchPath) ? await File.ReadAllTextAsync(patchPath, cancellationToken)
                : throw new CliException($"Patch file '{patchPath}' does not exist.");
            await using var context = await GradingContext.CreateAsync(parse.GetValue(sandbox)!, [target], error, cancellationToken);
            var report = await context.Grader.GradeAsync(target, text, cancellationToken, path: PathFor(parse.GetValue(fast)));
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            return report.Resolved ? 0 : 1;
        });
        return command;
    }

    private static Command Run(TextWriter output, TextWriter error)
    {
        var suite = SuiteOption();
        var sandbox = SandboxOption();
        var patches = new Option<string?>("--patches") { Description = "Folder of patches named <instance_id>.patch or <folder>.patch; a missing one is an empty patch." };
        var gold = new Option<bool>("--gold") { Description = "Grade every task's gold patch instead." };
        var split = new Option<string?>("--split") { Description = "Only tasks of this split (train or holdout)." };
        var workers = new Option<int>("--workers") { Description = "Gradings at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var fast = FastOption();
        var command = new Command("run", "Grade a set of patches over a suite and print the run report (per task and per run) as JSON.")
        {
            suite, sandbox, patches, gold, split, workers, fast,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = Suite.Load(parse.GetValue(suite)!);
            var folder = parse.GetValue(patches);
            var useGold = parse.GetValue(gold);
            if (folder is null == !useGold)
            {
                throw new CliException("Give either --patches DIR or --gold.");
            }

            if (folder is not null && !Directory.Exists(folder))
            {
                throw new CliException($"Patch folder '{folder}' does not exist.");
            }

            var tasks = parse.GetValue(split) is { } only ? [.. loaded.Split(only)] : loaded.Tasks;
            await using var context = await GradingContext.CreateAsync(parse.GetValue(sandbox)!, tasks, error, cancellationToken);
            var reports = new TaskReport[tasks.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, tasks.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(workers)), CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var task = tasks[i];
                    var patch = useGold ? task.GoldPatch : await ReadPatchAsync(folder!, task, token);
                    reports[i] = await context.Grader.GradeAsync(task, patch, token, path: PathFor(parse.GetValue(fast)));
                    await error.WriteLineAsync($"  {reports[i].Status,-11} {reports[i].GradedBy,-4} {task.Id}");
                });
            await output.WriteLineAsync(JsonSerializer.Serialize(new RunReport(reports), Json));
            return 0;
        });
        return command;
    }

    /// <summary>`--fast`: grade by the fast path where it is faithful (the report says which path graded each task).</summary>
    internal static Option<bool> FastOption() => new("--fast") { Description = "Grade by the fast in-memory path where it is faithful; the rest falls back to the full dotnet test path (each report says which graded it)." };

    internal static GradingPath PathFor(bool fast) => fast ? GradingPath.Fast : GradingPath.Full;

    private static async Task<string> ReadPatchAsync(string folder, BenchTask task, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { task.Id, Path.GetFileName(task.Folder) })
        {
            var path = Path.Combine(folder, name + ".patch");
            if (File.Exists(path))
            {
                return await File.ReadAllTextAsync(path, cancellationToken);
            }
        }

        return "";
    }

    /// <summary>A task by its instance id or its folder name.</summary>
    internal static BenchTask FindTask(Suite suite, string id) =>
        suite.Tasks.FirstOrDefault(t => t.Id == id || Path.GetFileName(t.Folder) == id)
            ?? throw new CliException($"No task '{id}' in suite {suite.Name}.");

    internal static IReadOnlyList<BenchTask> Select(Suite suite, string[]? ids, int? sample)
    {
        IReadOnlyList<BenchTask> tasks = suite.Tasks;
        if (ids is { Length: > 0 })
        {
            var unknown = ids.Where(id => !suite.Tasks.Any(t => t.Id == id || Path.GetFileName(t.Folder) == id)).ToList();
            if (unknown.Count > 0)
            {
                throw new CliException($"Unknown task id(s) in suite {suite.Name}: {string.Join(", ", unknown)}.");
            }

            tasks = [.. suite.Tasks.Where(t => ids.Contains(t.Id) || ids.Contains(Path.GetFileName(t.Folder)))];
        }

        if (sample is > 0 && sample < tasks.Count)
        {
            var step = (double)tasks.Count / sample.Value;
            tasks = [.. Enumerable.Range(0, sample.Value).Select(i => tasks[(int)(i * step)])];
        }

        return tasks;
    }
}

/// <summary>A sandbox factory and a grader for one command, with the package folder prepared.</summary>
internal sealed class GradingContext(ISandboxFactory factory, Grader grader) : IAsyncDisposable
{
    public ISandboxFactory Factory => factory;

    public Grader Grader => grader;

    public static async Task<GradingContext> CreateAsync(string sandbox, IEnumerable<BenchTask> tasks, TextWriter error, CancellationToken cancellationToken)
    {
        var packages = PackageCache.DefaultFolder;
        await PackageCache.EnsureAsync(tasks, packages, cancellationToken);
        var factory = await Sandboxes.CreateAsync(sandbox, error, cancellationToken);
        var environment = new GradingEnvironment(GradingEnvironment.HostSdkDir(), packages);
        var runId = $"bench-{Environment.ProcessId}";
        return new GradingContext(factory, new Grader(factory, environment, runId) { Plans = new BuildPlans(factory, environment, runId) });
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is IAsyncDisposable pool)
        {
            await pool.DisposeAsync();
        }
        else
        {
            (factory as IDisposable)?.Dispose();
        }
    }
}
