using System.Globalization;
using Dgm.Agent;
using Dgm.Agent.Improve;
using Dgm.Agent.Repair;
using Dgm.Agent.Runtime;
using Dgm.Agent.Tools;
using Microsoft.SemanticKernel;

// The command line the harness and the evolution loop call:
//   solve   --repo DIR --problem FILE --out PATCH --log TRAJECTORY [--model SPEC] [--endpoint URL] [--max-steps N] [--timeout S]
//           (--model heuristic, the default without a model: offline repair; [--candidate-timeout S])
//   improve --self DIR --evals DIR --out PATCH --log TRAJECTORY [--lineage DIR] [--archive DIR] [--model SPEC] [--endpoint URL] [--problem FILE]
//           (--model heuristic: offline self-improvement from the logs, the ancestors' in --lineage too; other agents' operators in
//           --archive DIR/*/; [--seed N] draws the edit)
//   vocabulary --self DIR --seed N   adds one operator of every family to DIR's source (a check that each builds)
//   surface --self DIR   the mutation surface (Improve/Surface.cs) found in DIR's source; exit 1 if a site is missing
//   diagnose --self DIR --evals DIR [--lineage DIR]   what offline self-improvement would read in the logs: its findings, its
//           proposals and their weights, and per unresolved task the symptoms of its failures and the families they point at
if (args.Length > 0 && args[0] == "run-tests")
{
    // Internal: the child process that validates one repair candidate (see Repair/Validator.cs).
    var named = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    return await TestHost.RunAsync(named["--tests-dll"], named.GetValueOrDefault("--override"), named.GetValueOrDefault("--tests", "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}

if (args.Length > 1 && args[0] == "test-worker")
{
    // Internal: the long-lived child that validates repair candidates one request at a time (Repair/TestWorker.cs).
    return await TestHost.ServeAsync(args[1]);
}

if (args.Length > 0 && args[0] == "warm")
{
    // Internal: started in a pre-started sandbox before there is a task (Warm.cs); runs the one command it is given.
    return args.Length == 3 && args[1] == "--dir" ? await Warm.RunAsync(args[2], Validator.WarmUp, CommandAsync) : 2;
}

if (args.Length == 3 && args[0] == "surface" && args[1] == "--self")
{
    // The declared mutation surface (Improve/Surface.cs) as found in an agent's source: each site and its value now.
    return Surface.Check(new AgentSource(Path.GetFullPath(args[2])), Console.Out);
}

if (args.Length == 5 && args[0] == "vocabulary" && args[1] == "--self" && args[3] == "--seed")
{
    // Every family of the vocabulary (Improve/Vocabulary.cs) added once to DIR's lists, drawn with the seed: a check that each renders and builds.
    var source = new AgentSource(Path.GetFullPath(args[2]));
    var random = new Random(int.Parse(args[4], CultureInfo.InvariantCulture));
    foreach (var family in Vocabulary.Operators.Concat(Vocabulary.Reproducers))
    {
        var (name, values) = source.AddEntry(family, random, first: false);
        Console.WriteLine($"{family.Owner}.All += {name} ({values})");
    }

    return 0;
}

if (args.Length >= 5 && args[0] == "diagnose")
{
    var named = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
    if (!named.ContainsKey("self") || !named.ContainsKey("evals"))
    {
        Console.Error.WriteLine("usage: Dgm.Agent diagnose --self DIR --evals DIR [--lineage DIR]");
        return 2;
    }

    var logs = LineageLogs.Merge(EvalLog.Read(named["evals"], Console.Error.WriteLine), EvalLog.ReadLineage(named.GetValueOrDefault("lineage"), Strategy.Reach, Console.Error.WriteLine));
    var findings = Diagnoser.Diagnose(logs, new AgentSource(Path.GetFullPath(named["self"])));
    Console.WriteLine(findings.Summary);
    var total = findings.Proposals.Sum(p => p.Weight);
    foreach (var proposal in findings.Proposals.OrderByDescending(p => p.Weight))
    {
        Console.WriteLine($"proposal {proposal.Weight / total:P0}\t{proposal.Title}");
    }

    foreach (var log in logs.Where(l => !l.Resolved))
    {
        Console.WriteLine($"task {log.Task}\t{log.StopReason}\t{string.Join(" ", Diagnoser.SymptomsOf(log))}\t{string.Join(" ", Diagnoser.Pointed(log).Select(f => f.Name))}");
    }

    return 0;
}

return await CommandAsync(args);

// solve or improve, from its command line.
static async Task<int> CommandAsync(string[] args)
{
    if (args.Length == 0 || args[0] is not ("solve" or "improve"))
    {
        Console.Error.WriteLine("usage: Dgm.Agent solve --repo DIR --problem FILE --out PATCH --log TRAJECTORY [--model openai:MODEL] [--endpoint URL] [--max-steps N] [--timeout S]");
        Console.Error.WriteLine("       Dgm.Agent improve --self DIR --evals DIR --out PATCH --log TRAJECTORY [--model openai:MODEL] [--endpoint URL] [--seed N]");
        return 2;
    }

    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 1; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            Console.Error.WriteLine($"dgm-agent: '{args[i]}' needs a value (options are --name value).");
            return 2;
        }

        options[args[i][2..]] = args[++i];
    }

    string Need(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    var trajectory = new Trajectory(options.GetValueOrDefault("log", "trajectory.json"));
    try
    {
        var improving = args[0] == "improve";
        var repo = Path.GetFullPath(Need(improving ? "self" : "repo"));
        // improve with a model works on the host's diagnosis when given (--problem), else on its own reading of the logs.
        var problem = improving && !options.ContainsKey("problem") ? null : ReadProblem(Need("problem"));
        var output = Need("out");
        var model = options.GetValueOrDefault("model") ?? Environment.GetEnvironmentVariable("DGM_MODEL") ?? "heuristic";
        var limits = new Limits(
            MaxSteps: int.Parse(options.GetValueOrDefault("max-steps", "40"), CultureInfo.InvariantCulture),
            WallSeconds: double.Parse(options.GetValueOrDefault("timeout", "900"), CultureInfo.InvariantCulture));
        Repository.EnsureBaseline(repo);
        if (model == "heuristic")
        {
            var stop = improving
                ? await new SelfImprover(trajectory, int.Parse(options.GetValueOrDefault("seed", "0"), CultureInfo.InvariantCulture)).RunAsync(repo, Need("evals"), options.GetValueOrDefault("lineage"), options.GetValueOrDefault("archive"), CancellationToken.None)
                : await new RepairMode(Budget(options, limits), trajectory).RunAsync(repo, problem!, CancellationToken.None);
            await File.WriteAllTextAsync(output, Repository.Diff(repo));
            Console.Error.WriteLine($"dgm-agent: stopped: {stop}");
            return 0;
        }

        var task = problem ?? Prompts.Improve(Need("evals"));
        using var bash = new BashTool(repo, TimeSpan.FromSeconds(Math.Min(limits.WallSeconds, 300)));
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(bash, "shell");
        kernel.Plugins.AddFromObject(new EditorTool(repo), "editor");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(limits.WallSeconds + 60));
        var reason = await new Agent(Models.Create(model, options.GetValueOrDefault("endpoint")), kernel, limits, trajectory).RunAsync(task, cancel.Token);
        await File.WriteAllTextAsync(output, Repository.Diff(repo));
        Console.Error.WriteLine($"dgm-agent: stopped: {reason}");
        return 0;
    }
    catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
    {
        trajectory.Stop("error", e.Message);
        Console.Error.WriteLine($"dgm-agent: {e.Message}");
        return 2;
    }
}

// The repair strategy's budgets are RepairBudget's defaults (which self-improvement edits); the harness's
// wall time and an explicit --candidate-timeout override them.
static RepairBudget Budget(Dictionary<string, string> options, Limits limits)
{
    var budget = new RepairBudget() with { WallSeconds = limits.WallSeconds };
    return options.TryGetValue("candidate-timeout", out var seconds)
        ? budget with { CandidateTestSeconds = double.Parse(seconds, CultureInfo.InvariantCulture) }
        : budget;
}

static string ReadProblem(string path) =>
    File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"The problem file '{path}' does not exist.", path);
