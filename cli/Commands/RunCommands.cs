using System.CommandLine;
using System.Text.Json;
using Dgm.Archive;
using Dgm.Evolution.Runs;
using Humanizer;

namespace Dgm.Cli.Commands;

/// <summary>`dgm show`, `dgm diff`, `dgm approve`, `dgm reject`: read and steer a run's archive.</summary>
internal static class RunCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Show(TextWriter output)
    {
        var run = EvolveCommand.RunOption();
        var id = new Argument<string>("id") { Description = "A node id, or seed, best, latest." };
        var json = new Option<bool>("--json") { Description = "Print the node as JSON." };
        var command = new Command("show", "Everything about one node: lineage, status, diagnosis, scores per stage and task, cost, logs.") { run, id, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolders.Find(parse.GetValue(run));
            using var store = RunFolders.OpenStore(folder);
            var node = store.Resolve(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(node, Indented));
                return 0;
            }

            await output.WriteLineAsync(NodeText.Describe(node, store.All(), DateTimeOffset.UtcNow, folder));
            return 0;
        });
        return command;
    }

    public static Command Diff(TextWriter output)
    {
        var run = EvolveCommand.RunOption();
        var id = new Argument<string>("id") { Description = "A node id, or seed, best, latest." };
        var against = new Option<string>("--against") { Description = "parent (default), seed, or a node id.", DefaultValueFactory = _ => "parent" };
        var colour = new Option<string>("--color") { Description = "auto (on a terminal), always or never.", DefaultValueFactory = _ => "auto" };
        colour.AcceptOnlyFromAmong("auto", "always", "never");
        var command = new Command("diff", "The unified diff of a node's source against its parent, the seed, or any node.") { run, id, against, colour };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolders.Find(parse.GetValue(run));
            using var store = RunFolders.OpenStore(folder);
            var node = store.Resolve(parse.GetValue(id)!);
            var otherSpec = parse.GetValue(against)!;
            var other = otherSpec == "parent"
                ? node.ParentId is { } parent ? store.Get(parent) : throw new CliException($"Node {node.Id} is the seed: it has no parent; try --against ID.")
                : store.Resolve(otherSpec);
            foreach (var n in new[] { other, node })
            {
                if (n.Commit is null)
                {
                    throw new CliException($"Node {n.Id} has no source in the lineage yet ({n.Status.ToString().Humanize(LetterCasing.LowerCase)}); try again when it has finished.");
                }
            }

            using var lineage = Lineage.Open(folder);
            var diff = lineage.Diff(other.Id, node.Id);
            var useColour = ReportCommands.UseColour(parse.GetValue(colour)!, output);
            await output.WriteAsync(useColour ? Colourize(diff) : diff);
            return 0;
        });
        return command;
    }

    public static Command Decide(TextWriter output, bool approve)
    {
        var run = EvolveCommand.RunOption();
        var id = new Argument<string>("id") { Description = "The pending node's id." };
        var command = new Command(approve ? "approve" : "reject", approve
            ? "Let a pending child (--approve manual) into the archive as a valid parent."
            : "Keep a pending child out of parent selection.") { run, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolders.Find(parse.GetValue(run));
            var requested = parse.GetValue(id)!;
            RunLock runLock;
            try
            {
                runLock = RunLock.Acquire(folder);
            }
            catch (RunLockedException)
            {
                // The run is going: it owns the archive, so leave it a request it applies before its next iteration.
                var approvals = new RunFolder(folder).ApprovalsDir;
                Directory.CreateDirectory(approvals);
                await File.WriteAllTextAsync(
                    Path.Combine(approvals, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{requested}.json"),
                    JsonSerializer.Serialize(new ApprovalRequest(requested, approve), SnakeCase),
                    cancellationToken);
                await output.WriteLineAsync($"the run is in progress: node {requested} will be {(approve ? "approved" : "rejected")} before its next iteration");
                return 0;
            }

            using (runLock)
            {
                using var store = ArchiveStore.Open(folder);
                var node = store.Resolve(requested);
                try
                {
                    store.Update(Approvals.Apply(node, approve));
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException(e.Message, e);
                }

                await output.WriteLineAsync($"node {node.Id} {(approve ? "approved: it can now be chosen as a parent" : "rejected")}");
                return 0;
            }
        });
        return command;
    }

    private static string Colourize(string diff) => string.Concat(diff.Split('\n').Select((line, i) =>
        (i == 0 ? "" : "\n") + (line switch
        {
            _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => $"\u001b[1m{line}\u001b[0m",
            _ when line.StartsWith('+') => $"\u001b[32m{line}\u001b[0m",
            _ when line.StartsWith('-') => $"\u001b[31m{line}\u001b[0m",
            _ when line.StartsWith("@@", StringComparison.Ordinal) => $"\u001b[36m{line}\u001b[0m",
            _ => line,
        })));
}
