using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Dgm.Sandbox.Local;

/// <summary>A work folder on this machine; see <see cref="LocalSandboxFactory"/> for what it does not isolate.</summary>
internal sealed partial class LocalSandbox : ISandbox
{
    private readonly SandboxSpec _spec;
    private readonly string _hostWork;
    private readonly string? _bwrap;

    public LocalSandbox(SandboxSpec spec, string hostWork, string? bwrap)
    {
        _spec = spec;
        _hostWork = hostWork;
        _bwrap = bwrap;
    }

    public string Id => _hostWork;

    /// <summary>Inside bubblewrap the spec's folder; without it the host folder itself.</summary>
    public string WorkDir => _bwrap is null ? _hostWork : _spec.WorkDir;

    public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seconds = Math.Max(0.001, request.Timeout.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _hostWork,
        };
        var inner = new List<string> { "timeout", "-s", "KILL", seconds + "s", "bash", "-c", request.Command };
        if (_bwrap is null)
        {
            start.FileName = "timeout";
            inner.RemoveAt(0);
            start.WorkingDirectory = request.WorkingDirectory ?? _hostWork;
        }
        else
        {
            start.FileName = _bwrap;
            var folders = BwrapArguments.SystemFolders.Where(Directory.Exists);
            foreach (var arg in BwrapArguments.Build(_hostWork, _spec, folders))
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add("--chdir");
            start.ArgumentList.Add(request.WorkingDirectory ?? _spec.WorkDir);
        }

        foreach (var arg in inner)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _spec.Environment.Concat(request.Environment))
        {
            start.Environment[key] = _bwrap is null ? MapToHost(value) : value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = _bwrap is null ? Process.Start(start) ?? throw new SandboxException($"Could not start '{start.FileName}'.") : await StartOnOwnThreadAsync(start);
        process.StandardInput.Close();
        var stdout = new HeadTailBuffer(request.OutputCapBytes);
        var stderr = new HeadTailBuffer(request.OutputCapBytes);
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, stdout), PumpAsync(process.StandardError.BaseStream, stderr));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            await pumps;
        }
        catch (OperationCanceledException)
        {
            KillGroup(process);
            throw;
        }

        var timedOut = process.ExitCode is 137 or -9 && stopwatch.Elapsed >= request.Timeout;
        return new CommandResult(stdout.ToString(), stderr.ToString(), process.ExitCode, stopwatch.Elapsed, stdout.Truncated || stderr.Truncated, timedOut);
    }

    public Task CopyInAsync(string hostPath, string sandboxPath, CancellationToken cancellationToken) =>
        CopyInAsync([new CopyIn(hostPath, sandboxPath)], cancellationToken);

    public Task CopyInAsync(IReadOnlyList<CopyIn> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = DateTime.UtcNow;
        foreach (var item in items)
        {
            var target = ToHost(item.SandboxPath);
            FileTree.Copy(item.HostPath, target, followLinks: true);
            if (item.Stamped)
            {
                FileTree.Stamp(item.HostPath, target, now);
            }
        }

        return Task.CompletedTask;
    }

    public Task<CopyReport> CopyOutAsync(string sandboxPath, string hostPath, CancellationToken cancellationToken) =>
        Task.FromResult(FileTree.CopyOut(ToHost(sandboxPath), hostPath, _spec.CopyLimits));

    /// <summary>Maps a path as commands see it to this machine's path; only the work folder is reachable.</summary>
    private string ToHost(string sandboxPath)
    {
        var relative = Path.GetRelativePath(WorkDir, sandboxPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new SandboxException($"'{sandboxPath}' is outside the sandbox's work folder {WorkDir}.");
        }

        return Path.GetFullPath(Path.Combine(_hostWork, relative));
    }

    /// <summary>Without bubblewrap mounts cannot be remapped; environment values naming a mount point get the host path.</summary>
    private string MapToHost(string value)
    {
        foreach (var mount in _spec.Mounts)
        {
            if (value == mount.SandboxPath || value.StartsWith(mount.SandboxPath + "/", StringComparison.Ordinal))
            {
                return mount.HostPath + value[mount.SandboxPath.Length..];
            }
        }

        return value == _spec.WorkDir ? _hostWork : value;
    }

    /// <summary>
    /// bwrap's --die-with-parent is PR_SET_PDEATHSIG, which fires when the THREAD that started bwrap ends, not
    /// the process: a thread-pool thread retired while the command ran killed it (exit 137 after about 20 s of
    /// idle pool). So bwrap is started from a thread of its own that lives until the command exits.
    /// </summary>
    private static Task<Process> StartOnOwnThreadAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Process? process;
            try
            {
                process = Process.Start(start) ?? throw new SandboxException($"Could not start '{start.FileName}'.");
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }

            started.SetResult(process);
            try
            {
                process.WaitForExit();
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception)
            {
                // Disposed by RunAsync after a cancellation: the command was killed.
            }
        })
        {
            IsBackground = true,
            Name = "bwrap parent",
        };
        thread.Start();
        return started.Task;
    }

    private static async Task PumpAsync(Stream source, HeadTailBuffer sink)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            sink.Write(buffer.AsSpan(0, read));
        }
    }

    private static void KillGroup(Process process)
    {
        // timeout(1) leads its own process group: killing the group takes every child with it.
        _ = Kill(-process.Id, 9);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_hostWork, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
