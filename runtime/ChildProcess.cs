using System.Diagnostics;

namespace Dgm.Agent.Runtime;

/// <summary>What a child process did: its exit code and output, or that it ran out of time (and was killed).</summary>
public sealed record ChildResult(bool TimedOut, int ExitCode, string Output);

/// <summary>Runs a child process with a time limit; on timeout the whole process tree is killed.</summary>
public static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new ChildResult(true, -1, "");
        }

        return new ChildResult(false, process.ExitCode, await output);
    }
}
