using System.CommandLine;
using System.Text.Json;
using Dgm.Benchmarks.Sources;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench import`: SWE-bench-format instances and local git mirrors into a suite folder.</summary>
internal static class ImportCommand
{
    private static readonly JsonSerializerOptions ConfigJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Command Build(TextWriter output)
    {
        var instances = new Option<string>("--instances") { Description = "SWE-bench-format JSONL (instance_id, repo, base_commit, patch, test_patch, problem_statement, FAIL_TO_PASS, PASS_TO_PASS).", Required = true };
        var repos = new Option<string>("--repos") { Description = "Folder of local git mirrors, each named owner__name, owner/name or name (no network is used).", Required = true };
        var outFolder = new Option<string>("--out") { Description = "The suite folder to write (one task folder per instance).", Required = true };
        var config = new Option<string?>("--config") { Description = "JSON: {\"repos\": {\"owner/name\": {\"test_project\": \"tests/X/X.csproj\", \"timeout_seconds\": 600, \"split\": \"holdout\", \"sdk\": \"8.0.100\", \"exclude_tests\": [\"Acme.Tests.Network*\"]}}}." };
        var command = new Command("import", "Import SWE-bench-format instances as tasks: repo/ at base_commit, hidden/ from test_patch, gold.patch, the test command; instances that cannot be imported are listed with the reason.")
        {
            instances, repos, outFolder, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(instances)!;
            var mirrors = parse.GetValue(repos)!;
            if (!File.Exists(file))
            {
                throw new CliException($"Instances file '{file}' does not exist.");
            }

            if (!Directory.Exists(mirrors))
            {
                throw new CliException($"Mirror folder '{mirrors}' does not exist.");
            }

            var configs = ReadConfig(parse.GetValue(config));
            var suite = Path.GetFullPath(parse.GetValue(outFolder)!);
            Directory.CreateDirectory(suite);
            var results = await SweBenchImport.ImportAsync(file, Path.GetFullPath(mirrors), suite, configs, r =>
            {
                output.WriteLine(r.Folder is not null ? $"  imported {r.InstanceId}" : $"  SKIPPED  {r.InstanceId}: {r.Reason}");
                foreach (var note in r.Notes)
                {
                    output.WriteLine($"           {note}");
                }
            }, cancellationToken);
            var imported = results.Count(r => r.Folder is not null);
            await output.WriteLineAsync($"{imported} of {results.Count} instances imported into {suite}" + (imported == results.Count ? "" : $"; {results.Count - imported} skipped (reasons above)"));
            if (imported > 0)
            {
                await output.WriteLineAsync($"next: dgm bench validate --suite {suite}");
            }

            return imported > 0 ? 0 : 1;
        });
        return command;
    }

    private static Dictionary<string, RepoImportConfig> ReadConfig(string? path)
    {
        if (path is null)
        {
            return [];
        }

        if (!File.Exists(path))
        {
            throw new CliException($"Config file '{path}' does not exist.");
        }

        try
        {
            var root = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;
            return root.TryGetProperty("repos", out var repos)
                ? repos.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Deserialize<RepoImportConfig>(ConfigJson) ?? new RepoImportConfig(), StringComparer.Ordinal)
                : throw new CliException($"Config file '{path}' has no \"repos\" object (see --help).");
        }
        catch (JsonException e)
        {
            throw new CliException($"Config file '{path}' is not valid JSON: {e.Message}");
        }
    }
}
