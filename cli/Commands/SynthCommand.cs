using System.CommandLine;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Sources.Synth;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench synth`: tasks from any C# repository whose tests pass, by injected bugs.</summary>
internal static class SynthCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var repo = new Option<string>("--repo") { Description = "The repository: a folder, or a git URL this machine can reach (cloned once).", Required = true };
        var outFolder = new Option<string>("--out") { Description = "The suite folder to write (one task folder per bug).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Draws the sites, the visible failing tests and the split; same repository, seed and options: same tasks.", DefaultValueFactory = _ => 1 };
        var max = new Option<int>("--max") { Description = "At most this many tasks.", DefaultValueFactory = _ => 50 };
        var candidates = new Option<int>("--candidates") { Description = "At most this many single bugs screened.", DefaultValueFactory = _ => 400 };
        var tests = new Option<string?>("--tests") { Description = "The test project (path in the repository) when it has several." };
        var projects = new Option<string[]>("--projects") { Description = "Library projects to inject bugs into (paths in the repository); default: every project but the tests.", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude-tests") { Description = "Tests no grade runs (they need the network, a service): patterns over Namespace.Class.Method, `*` any characters (repeatable); kept in each task's exclude_tests.", AllowMultipleArgumentsPerToken = true };
        var prefix = new Option<string>("--prefix") { Description = "Instance ids are PREFIX__file-family-NNN.", DefaultValueFactory = _ => "synth" };
        var sandbox = BenchCommands.SandboxOption();
        var workers = new Option<int>("--workers") { Description = "Gradings at once while screening.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var command = new Command("synth", "Synthesize tasks from a C# repository whose tests pass: Roslyn mutations, kept when the repository builds, some tests fail and some pass; then `bench validate` the suite.")
        {
            repo, outFolder, seed, max, candidates, tests, projects, exclude, prefix, sandbox, workers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(repo)!;
            string? cloned = null;
            if (!Directory.Exists(source))
            {
                if (!source.Contains("://", StringComparison.Ordinal) && !source.StartsWith("git@", StringComparison.Ordinal))
                {
                    throw new CliException($"Repository '{source}' is neither a folder nor a git URL.");
                }

                cloned = Directory.CreateTempSubdirectory("dgm-synth-clone-").FullName;
                await output.WriteLineAsync($"cloning {source}");
                var clone = await Dgm.Benchmarks.Sources.GitClone.RunAsync(source, cloned, cancellationToken);
                if (clone is not null)
                {
                    throw new CliException($"Could not clone {source}: {clone}");
                }
            }

            try
            {
                var options = new SynthOptions
                {
                    Seed = parse.GetValue(seed),
                    MaxTasks = parse.GetValue(max),
                    MaxCandidates = parse.GetValue(candidates),
                    TestProject = parse.GetValue(tests),
                    Projects = parse.GetValue(projects) ?? [],
                    ExcludeTests = parse.GetValue(exclude) ?? [],
                    Prefix = parse.GetValue(prefix)!,
                    Workers = Math.Max(1, parse.GetValue(workers)),
                };
                var packages = PackageCache.DefaultFolder;
                var factory = await Sandboxes.CreateAsync(parse.GetValue(sandbox)!, error, cancellationToken);
                var environment = new GradingEnvironment(GradingEnvironment.HostSdkDir(), packages);
                var runId = $"synth-{Environment.ProcessId}";
                await using var context = new GradingContext(factory, new Grader(factory, environment, runId) { Plans = new BuildPlans(factory, environment, runId) });
                var grader = context.Grader;
                var suite = Path.GetFullPath(parse.GetValue(outFolder)!);
                SynthResult result;
                try
                {
                    result = await new TaskSynthesizer(grader).RunAsync(Path.GetFullPath(cloned ?? source), suite, options, line => output.WriteLine($"  {line}"), cancellationToken,
                        probe => PackageCache.EnsureAsync([probe], packages, cancellationToken));
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException($"Cannot synthesize tasks from {source}: {e.Message}");
                }

                await output.WriteLineAsync($"{result.Tasks.Count} tasks written to {suite} ({result.Sites} sites, {result.Screened} screened; rejected: "
                    + string.Join(", ", result.Rejected.OrderByDescending(r => r.Value).Select(r => $"{r.Value} {r.Key}")) + ")");
                if (result.Tasks.Count > 0)
                {
                    await output.WriteLineAsync($"next: dgm bench validate --suite {suite}");
                }

                return result.Tasks.Count > 0 ? 0 : 1;
            }
            finally
            {
                if (cloned is not null)
                {
                    Directory.Delete(cloned, recursive: true);
                }
            }
        });
        return command;
    }
}
