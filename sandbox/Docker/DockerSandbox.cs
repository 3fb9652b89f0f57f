using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Dgm.Sandbox.Docker;

/// <summary>One container; commands run as execs in it. Not thread-safe.</summary>
internal sealed class DockerSandbox(DockerClient client, string containerId, string workDir, CopyLimits copyLimits) : ISandbox
{
    /// <summary>How long past its timeout an exec may take before the host kills the whole container.</summary>
    private static readonly TimeSpan HardKillGrace = TimeSpan.FromSeconds(10);

    /// <summary>What a copy out writes first to stderr when the path is a folder (not a link to one).</summary>
    private const string FolderMark = "dgm-copy-folder";

    private int _disposed;

    public string Id => containerId;

    public string WorkDir => workDir;

    public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seconds = Math.Max(0.001, request.Timeout.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);

        // timeout(1) runs the command in its own process group and kills the whole group when time is up.
        string[] command = ["timeout", "-s", "KILL", seconds + "s", "bash", "-c", request.Command];
        var stopwatch = Stopwatch.StartNew();
        using var hardLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardLimit.CancelAfter(request.Timeout + HardKillGrace);
        var stdout = new HeadTailBuffer(request.OutputCapBytes);
        var stderr = new HeadTailBuffer(request.OutputCapBytes);
        long exitCode;
        try
        {
            exitCode = await ExecAsync(command, request.WorkingDirectory ?? workDir, request.Environment, stdin: null, stdout, stderr, hardLimit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The exec ignored its timeout (or the daemon hung): the container goes, the timeout is the result.
            await DockerSandboxFactory.RemoveQuietlyAsync(client, containerId);
            return new CommandResult(stdout.ToString(), stderr.ToString(), 137, stopwatch.Elapsed, stdout.Truncated || stderr.Truncated, TimedOut: true);
        }
        catch (OperationCanceledException)
        {
            await DockerSandboxFactory.RemoveQuietlyAsync(client, containerId);
            throw;
        }

        var elapsed = stopwatch.Elapsed;
        var timedOut = exitCode == 137 && elapsed >= request.Timeout;
        return new CommandResult(stdout.ToString(), stderr.ToString(), (int)exitCode, elapsed, stdout.Truncated || stderr.Truncated, timedOut);
    }

    public Task CopyInAsync(string hostPath, string sandboxPath, CancellationToken cancellationToken) =>
        CopyInAsync([new CopyIn(hostPath, sandboxPath)], cancellationToken);

    public async Task CopyInAsync(IReadOnlyList<CopyIn> items, CancellationToken cancellationToken)
    {
        // One tar of every item, named by its paths in the sandbox, extracted by one exec as the sandbox's user.
        await using var tar = await SafeTar.PackAsync(items, DateTimeOffset.UtcNow, cancellationToken);
        var stderr = new HeadTailBuffer(16 * 1024);
        string[] folders = [.. items.Where(i => Directory.Exists(i.HostPath)).Select(i => i.SandboxPath)];
        var exit = await ExecAsync(
            ["sh", "-c", "{ [ $# -eq 0 ] || mkdir -p \"$@\"; } && tar -x --no-same-owner -C /", "sh", .. folders],
            "/", new Dictionary<string, string>(), tar, new HeadTailBuffer(16 * 1024), stderr, cancellationToken);
        if (exit != 0)
        {
            throw SandboxException.CopyFailed($"{string.Join(", ", items.Select(i => $"'{i.HostPath}'"))} into the sandbox at {string.Join(", ", items.Select(i => $"'{i.SandboxPath}'"))}", stderr.ToString());
        }
    }

    public async Task<CopyReport> CopyOutAsync(string sandboxPath, string hostPath, CancellationToken cancellationToken)
    {
        // A folder that is a link is not followed (the link itself is archived, and refused): no sandbox makes a copy read elsewhere.
        // Which of the two it took is the first line on stderr (one exec, no probe first).
        const string Script = "if [ -d \"$1\" ] && [ ! -L \"$1\" ]; then echo " + FolderMark + " >&2; tar -c --sort=name -C \"$1\" .; else tar -c -C \"$(dirname \"$1\")\" \"$(basename \"$1\")\"; fi";
        var stderr = new HeadTailBuffer(16 * 1024);

        // The tar goes to a file on disk, never to memory, and stops at the copy's limit (plus tar's headers).
        var tarFile = Path.Combine(Path.GetTempPath(), $"dgm-copyout-{Guid.NewGuid():N}.tar");
        var notes = new List<string>();
        try
        {
            await using (var sink = new CappedStream(File.Create(tarFile), copyLimits.MaxTotalBytes + (8L * 1024 * 1024)))
            {
                try
                {
                    var exit = await ExecAsync(["sh", "-c", Script, "sh", sandboxPath], "/", new Dictionary<string, string>(), null, sink, stderr, cancellationToken);
                    if (exit != 0)
                    {
                        throw SandboxException.CopyFailed($"'{sandboxPath}' out of the sandbox", stderr.ToString().Replace(FolderMark + "\n", "", StringComparison.Ordinal));
                    }
                }
                catch (CappedStream.LimitReachedException)
                {
                    notes.Add($"the copy of '{sandboxPath}' stopped at its limit of {copyLimits.MaxTotalBytes} bytes; the rest was refused");
                }
            }

            await using var tar = File.OpenRead(tarFile);
            var report = stderr.ToString().StartsWith(FolderMark + "\n", StringComparison.Ordinal)
                ? await SafeTar.ExtractAsync(tar, hostPath, copyLimits, cancellationToken)
                : await ExtractFileAsync(tar, sandboxPath, hostPath, cancellationToken);
            return report with { Notes = [.. notes, .. report.Notes] };
        }
        finally
        {
            File.Delete(tarFile);
        }
    }


    private async Task<CopyReport> ExtractFileAsync(Stream tar, string sandboxPath, string hostPath, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateTempSubdirectory("dgm-copyout-");
        try
        {
            var report = await SafeTar.ExtractAsync(tar, staging.FullName, copyLimits, cancellationToken);
            var file = Path.Combine(staging.FullName, Path.GetFileName(sandboxPath));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(hostPath))!);
            if (File.Exists(file))
            {
                File.Move(file, hostPath, overwrite: true);
            }

            return report;
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private async Task<long> ExecAsync(
        IList<string> command,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Stream? stdin,
        object stdout,
        HeadTailBuffer stderr,
        CancellationToken cancellationToken)
    {
        var exec = await client.Exec.CreateContainerExecAsync(
            containerId,
            new ContainerExecCreateParameters
            {
                Cmd = command,
                AttachStdin = stdin is not null,
                AttachStdout = true,
                AttachStderr = true,
                User = SandboxDefaults.User,
                WorkingDir = workingDirectory,
                Env = [.. environment.Select(kv => $"{kv.Key}={kv.Value}")],
            },
            cancellationToken);
        using (var stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken))
        {
            var pump = stdin is null ? Task.CompletedTask : PumpStdinAsync(stream, stdin, cancellationToken);
            var buffer = new byte[81920];
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
                if (read.EOF)
                {
                    break;
                }

                var chunk = buffer.AsSpan(0, read.Count);
                if (read.Target == MultiplexedStream.TargetStream.StandardError)
                {
                    stderr.Write(chunk);
                }
                else if (stdout is HeadTailBuffer capped)
                {
                    capped.Write(chunk);
                }
                else
                {
                    ((Stream)stdout).Write(chunk);
                }
            }

            await pump;
        }

        var inspect = await client.Exec.InspectContainerExecAsync(exec.ID, cancellationToken);
        return inspect.ExitCode ?? -1;
    }

    private static async Task PumpStdinAsync(MultiplexedStream stream, Stream stdin, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await stdin.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer, 0, read, cancellationToken);
        }

        stream.CloseWrite();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DockerSandboxFactory.RemoveQuietlyAsync(client, containerId);
        }
    }
}
