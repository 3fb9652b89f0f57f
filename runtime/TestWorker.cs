using System.Diagnostics;

namespace Dgm.Agent.Runtime;

/// <summary>
/// One child process that runs candidates' tests for the whole repair (this agent's `test-worker` command,
/// <see cref="TestHost.ServeAsync"/>), instead of a process per check: started on first use, asked one request
/// at a time, killed (with its children) when a request runs out of time or when disposed, and started again
/// on the next request after a timeout or a crash. A loop or a crash still only costs the candidate its check.
/// When the host reports that it cannot run a requested test as its framework would (UNSUPPORTED), the request is
/// answered by running the test application itself (<see cref="AppRun"/>), and the answer says so ("APP why").
/// </summary>
public sealed class TestWorker(string testsDll) : IDisposable
{
    public string TestsDll => testsDll;

    private Process? _process;
    private AppRun? _app;

    public async Task<(bool TimedOut, bool Crashed, HashSet<string> Lines)> RunAsync(string overrideDll, IReadOnlyList<string> tests, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var answer = await InMemoryAsync(overrideDll, tests, timeout, cancellationToken);
        if (answer.TimedOut || answer.Crashed || answer.Lines.FirstOrDefault(l => l.StartsWith("UNSUPPORTED ", StringComparison.Ordinal)) is not { } unsupported)
        {
            return answer;
        }

        var left = timeout - clock.Elapsed;
        var app = await (_app ??= new AppRun(testsDll)).RunAsync(overrideDll, tests, left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken);
        app.Lines.Add($"APP {unsupported["UNSUPPORTED ".Length..]}");
        return app;
    }

    private async Task<(bool TimedOut, bool Crashed, HashSet<string> Lines)> InMemoryAsync(string overrideDll, IReadOnlyList<string> tests, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = _process ??= Start();
        var nonce = Guid.NewGuid().ToString("N");
        var lines = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await process.StandardInput.WriteLineAsync($"{overrideDll}\t{string.Join(',', tests)}\t{nonce}");
            await process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            Stop();
            return (false, true, lines);
        }

        var deadline = Task.Delay(timeout, cancellationToken);
        while (true)
        {
            var read = process.StandardOutput.ReadLineAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(read, deadline) == deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Stop();
                return (true, false, lines);
            }

            var line = await read;
            if (line is null)
            {
                Stop(); // it died before answering: this candidate crashed it
                return (false, true, lines);
            }

            if (line == $"END {nonce}")
            {
                return (false, false, lines);
            }

            lines.Add(line.Trim());
        }
    }

    private Process Start()
    {
        // The child is this agent again, started the way this process was.
        var host = Environment.ProcessPath ?? "dotnet";
        // In the test application's folder, where a test framework runs its tests.
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(testsDll)) };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add((System.Reflection.Assembly.GetEntryAssembly() ?? typeof(TestWorker).Assembly).Location);
        }

        start.ArgumentList.Add("test-worker");
        start.ArgumentList.Add(testsDll);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the test worker");
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            process.Dispose();
        }
    }

    public void Dispose()
    {
        Stop();
        _app?.Dispose();
        _app = null;
    }
}

/// <summary>The repair's test workers, one per test application, shared by the first test run and the candidates' checks.</summary>
public sealed class TestWorkers : IDisposable
{
    private readonly Dictionary<string, TestWorker> _workers = new(StringComparer.Ordinal);

    public TestWorker For(string testsDll)
    {
        var key = Path.GetFullPath(testsDll);
        if (!_workers.TryGetValue(key, out var worker))
        {
            _workers[key] = worker = new TestWorker(key);
        }

        return worker;
    }

    public void Dispose()
    {
        foreach (var worker in _workers.Values)
        {
            worker.Dispose();
        }

        _workers.Clear();
    }
}
