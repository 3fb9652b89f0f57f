using System.CommandLine;
using Dgm.Archive;
using Dgm.Cli.Rendering;

namespace Dgm.Cli.Commands;

/// <summary>`dgm tree` and `dgm report`: the family of a run as text, JSON, DOT, or one HTML file.</summary>
internal static class ReportCommands
{
    public static Command Tree(TextWriter output)
    {
        var run = EvolveCommand.RunOption();
        var format = new Option<string>("--format") { Description = "text (default), json or dot.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "dot");
        var colour = new Option<string>("--color") { Description = "auto (on a terminal, unless NO_COLOR is set), always or never.", DefaultValueFactory = _ => "auto" };
        colour.AcceptOnlyFromAmong("auto", "always", "never");
        var command = new Command("tree", "The agent family tree with scores and status; ★ marks the best lineage.") { run, format, colour };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolders.Find(parse.GetValue(run));
            IReadOnlyList<Node> nodes;
            using (var store = RunFolders.OpenStore(folder))
            {
                nodes = store.All();
            }

            var text = parse.GetValue(format) switch
            {
                "json" => TreeRenderer.Json(nodes),
                "dot" => TreeRenderer.Dot(nodes),
                _ => TreeRenderer.Text(nodes, UseColour(parse.GetValue(colour)!, output), DateTimeOffset.UtcNow),
            };
            await output.WriteLineAsync(text.TrimEnd());
            return 0;
        });
        return command;
    }

    public static Command Report(TextWriter output)
    {
        var run = EvolveCommand.RunOption();
        var outFile = new Option<string?>("--out") { Description = "The HTML file to write (default: report.html in the run folder)." };
        var command = new Command("report", "Write one self-contained HTML report: the family tree coloured by score, progress per iteration, every node's details and diff.") { run, outFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolders.Find(parse.GetValue(run));
            IReadOnlyList<Node> nodes;
            using (var store = RunFolders.OpenStore(folder))
            {
                nodes = store.All();
            }

            using var lineage = Lineage.Open(folder);
            var committed = nodes.Where(n => n.Commit is not null).Select(n => n.Id).ToHashSet();
            string DiffOf(Node node) => node.ParentId is { } parent && committed.Contains(parent) && committed.Contains(node.Id) ? lineage.Diff(parent, node.Id) : "";
            var html = HtmlReport.Render(Path.GetFileName(folder), nodes, DiffOf, DateTimeOffset.UtcNow);
            var path = Path.GetFullPath(parse.GetValue(outFile) ?? Path.Combine(folder, "report.html"));
            await File.WriteAllTextAsync(path, html, cancellationToken);
            await output.WriteLineAsync($"report: {path}");
            return 0;
        });
        return command;
    }

    internal static bool UseColour(string choice, TextWriter output) => choice switch
    {
        "always" => true,
        "never" => false,
        _ => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };
}
