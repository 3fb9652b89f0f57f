using System.CommandLine;
using Dgm.Cli.Commands;

namespace Dgm.Cli;

/// <summary>The `dgm` command: wires the commands by hand and owns the one top-level catch.</summary>
public static class DgmApp
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Dgm: a Darwin Gödel Machine for C# coding agents.");
        root.Subcommands.Add(EvolveCommand.Build(output, error));
        root.Subcommands.Add(ReportCommands.Tree(output));
        root.Subcommands.Add(RunCommands.Show(output));
        root.Subcommands.Add(RunCommands.Diff(output));
        root.Subcommands.Add(ReportCommands.Report(output));
        root.Subcommands.Add(RunCommands.Decide(output, approve: true));
        root.Subcommands.Add(RunCommands.Decide(output, approve: false));
        root.Subcommands.Add(BenchCommands.Build(output, error));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // Ctrl+C and SIGTERM become one cancellation: sandboxes are killed, the run stops cleanly.
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                cancel.Cancel();
            });
        try
        {
            var parsed = Build(output, error).Parse(args);
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await error.WriteLineAsync("dgm: cancelled");
            return 130;
        }
        catch (Exception e) when (e is CliException or Dgm.Sandbox.SandboxException or Dgm.Benchmarks.Tasks.TaskFormatException
                                      or DirectoryNotFoundException or FileNotFoundException or FormatException
                                      or Dgm.Archive.ArchiveException or Dgm.Cuda.NVRTC.NvrtcUnavailableException)
        {
            await error.WriteLineAsync($"dgm: {e.Message}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

/// <summary>A user error the CLI reports in one line.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
