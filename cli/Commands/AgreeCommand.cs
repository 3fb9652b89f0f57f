using System.CommandLine;
using Dgm.Benchmarks.Perf;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench agree`: the fast grading path's verdicts against the full path's, over a kept corpus.</summary>
internal static class AgreeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var suite = BenchCommands.SuiteOption();
        var sandbox = BenchCommands.SandboxOption();
        var runs = new Option<string[]>("--from") { Description = "Run folders (or corpus folders) to collect agent patches from (repeatable).", AllowMultipleArgumentsPerToken = true };
        var corpus = new Option<string>("--corpus") { Description = "The kept corpus of agent patches (TASK/HASH.patch), graded too.", DefaultValueFactory = _ => Path.Combine("benchmarks", "agreement") };
        var save = new Option<bool>("--save") { Description = "Add the agent patches collected with --from (with --limit, those sampled) to the corpus folder." };
        var noGold = new Option<bool>("--no-gold") { Description = "Leave out each task's gold and empty patch." };
        var only = new Option<string[]>("--task") { Description = "Only these task ids (repeatable).", AllowMultipleArgumentsPerToken = true };
        var sample = new Option<int?>("--sample") { Description = "Only N tasks spread over the suite." };
        var workers = new Option<int>("--workers") { Description = "Patches graded at once (each by both paths).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var write = new Option<string?>("--write") { Description = "Also write the figures into this markdown file, between the agree markers." };
        var limit = new Option<int?>("--limit") { Description = "Grade at most N of the agent patches, spread over the tasks and kinds (the same N for the same corpus)." };
        var command = new Command("agree", "Grade every patch of the agreement corpus by the full and the fast path; fail unless every verdict and every test's status is equal.")
        {
            suite, sandbox, runs, corpus, save, noGold, only, sample, workers, write, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = Suite.Load(parse.GetValue(suite)!);
            var tasks = BenchCommands.Select(loaded, parse.GetValue(only), parse.GetValue(sample));
            var corpusDir = parse.GetValue(corpus)!;
            var collected = Agreement.AgentPatches(parse.GetValue(runs) ?? [], tasks);
            var kept = Directory.Exists(corpusDir) ? Agreement.AgentPatches([corpusDir], tasks) : [];
            var agent = kept.Concat(collected).DistinctBy(p => (p.Task.Id, p.Kind, p.Hash)).ToList();
            if (parse.GetValue(limit) is { } most)
            {
                agent = [.. Agreement.Spread(agent, most)];
            }

            if (parse.GetValue(save))
            {
                // What is graded is kept (with --limit, the sample).
                await error.WriteLineAsync($"kept {Agreement.Save(agent, corpusDir)} new agent patches in {corpusDir}");
            }

            List<CorpusPatch> patches = [.. parse.GetValue(noGold) ? [] : Agreement.GoldAndEmpty(tasks), .. agent];
            if (patches.Count == 0)
            {
                throw new CliException("The corpus is empty: drop --no-gold, or give --from RUN folders or a --corpus folder of agent patches.");
            }

            await using var context = await GradingContext.CreateAsync(parse.GetValue(sandbox)!, tasks, error, cancellationToken);

            // Plans first, so that no fast grading's time includes capturing its task's plan.
            await error.WriteLineAsync($"preparing the build plans of {tasks.Count} tasks...");
            await context.Grader.Plans!.PrepareAsync(tasks, parse.GetValue(workers), cancellationToken);
            await error.WriteLineAsync($"grading {patches.Count} patches ({agent.Count} from agents) by both paths...");
            var done = 0;
            var rows = await Agreement.CheckAsync(context.Grader, patches, parse.GetValue(workers), row =>
            {
                var n = Interlocked.Increment(ref done);
                error.WriteLine($"  [{n}/{patches.Count}] {(row.Agrees ? "equal" : "DIFFERENT"),-9} {row.Full.Status,-11} {row.Fast.GradedBy,-4} {row.Patch.Kind,-5} {row.Patch.Task.Id}");
            }, cancellationToken);
            var table = Agreement.Markdown(rows, loaded.Name);
            await output.WriteLineAsync(table);
            if (parse.GetValue(write) is { } file)
            {
                PerfCommand.Write(file, table, "agree");
                await output.WriteLineAsync($"written to {file}");
            }

            return rows.All(r => r.Agrees) ? 0 : 1;
        });
        return command;
    }
}
