using System.CommandLine;

namespace Dgm.Cli.Commands;

/// <summary>`dgm bench perf`: the harness's overheads, measured side by side.</summary>
internal static class PerfCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("perf", "Measure sandbox and grading overheads against raw docker run and bare dotnet test.");
        command.SetAction(async (parse, cancellationToken) => { await output.WriteLineAsync("todo"); await error.FlushAsync(cancellationToken); return 0; });
        return command;
    }
}
