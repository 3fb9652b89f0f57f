using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.SemanticKernel;

namespace Dgm.Agent.Tools;

/// <summary>One persistent bash shell per run, in the repository. Output is capped, keeping head and tail.</summary>
public sealed class BashTool(string workDir, TimeSpan commandTimeout, int outputCap = 16_000) : IDisposable
{
    private Process? _shell;

    [KernelFunction("bash")]
    [Description("Run a bash command in the repository (one persistent shell: cd and variables carry over). Returns exit code and output.")]
    public async Task<string> RunAsync([Description("The command to run.")] string command, CancellationToken cancellationToken = default)
    {
        var shell = _shell ??= Start();
        var marker = $"__DGM_DONE_{Guid.NewGuid():N}__";
        await shell.StandardInput.WriteLineAsync($"{{ {command}\n}} 2>&1 < /dev/null; echo \"{marker}$?\"");
        await shell.StandardInput.FlushAsync(cancellationToken);
        var output = new StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(commandTimeout);
        try
        {
            while (await shell.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    output.Append(line.AsSpan(0, at));
                    return $"exit code: {line[(at + marker.Length)..]}\n{Cap(output.ToString())}";
                }

                output.AppendLine(line);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            return $"error: the command timed out after {commandTimeout.TotalSeconds:0} s and the shell was restarted (state is lost).\n{Cap(output.ToString())}";
        }

        Kill();
        return $"error: the shell exited.\n{Cap(output.ToString())}";
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc"])
        {
            WorkingDirectory = workDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PAGER"] = "cat";
        start.Environment["GIT_PAGER"] = "cat";
        return Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
    }

    private string Cap(string text) =>
        text.Length <= outputCap ? text : $"{text[..(outputCap / 2)]}\n[... {text.Length - outputCap} characters dropped ...]\n{text[^(outputCap / 2)..]}";

    private void Kill()
    {
        try
        {
            _shell?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        _shell?.Dispose();
        _shell = null;
    }

    public void Dispose() => Kill();
}
