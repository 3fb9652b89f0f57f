using System.Globalization;

namespace Dgm.Agent.Runtime;

/// <summary>
/// The agent started before it has a task: a pre-started sandbox runs `warm --dir DIR` while it waits to be
/// handed out. It warms what every repair pays for on first use (the compiler's first emit), writes DIR/ready
/// (its launcher wrote DIR/pid), then waits for DIR/request (one command-line argument a line) and runs that
/// one command as if started with it: its output goes to DIR/stdout and DIR/stderr, its exit code to DIR/exit,
/// and the process ends. It never sees more than the one task, and until then it has none.
/// </summary>
public static class Warm
{
    /// <summary>Warms up (<paramref name="warmUp"/>: what the agent's first repair would pay for), then runs the one command it is handed.</summary>
    public static async Task<int> RunAsync(string dir, Action warmUp, Func<string[], Task<int>> command)
    {
        ArgumentNullException.ThrowIfNull(warmUp);
        ArgumentNullException.ThrowIfNull(command);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        warmUp();
        var warmedIn = clock.Elapsed.TotalSeconds;
        await File.WriteAllTextAsync(Path.Combine(dir, "ready"), "");
        var request = Path.Combine(dir, "request");
        await WaitForAsync(dir, "request");

        var args = await File.ReadAllLinesAsync(request);
        int code;
        var (console, errors) = (Console.Out, Console.Error);
        await using (var stdout = new StreamWriter(Path.Combine(dir, "stdout")) { AutoFlush = true })
        await using (var stderr = new StreamWriter(Path.Combine(dir, "stderr")) { AutoFlush = true })
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            await stderr.WriteLineAsync($"dgm-agent: started warm (warmed up in {warmedIn:0.00} s, then waited {clock.Elapsed.TotalSeconds - warmedIn:0.00} s for its task)");
            try
            {
                code = await command(args);
            }
            catch (Exception e)
            {
                await stderr.WriteLineAsync($"dgm-agent: {e}");
                code = 1;
            }
            finally
            {
                // Nothing written late (a child's output pump) reaches a closed writer.
                Console.SetOut(console);
                Console.SetError(errors);
            }
        }

        // Written whole, then moved: the waiting side never reads half an exit code.
        await File.WriteAllTextAsync(Path.Combine(dir, "exit.tmp"), code.ToString(CultureInfo.InvariantCulture));
        File.Move(Path.Combine(dir, "exit.tmp"), Path.Combine(dir, "exit"));
        return code;
    }

    /// <summary>
    /// Waits for DIR/NAME to appear (written elsewhere, then moved in) without spinning: told by the file system,
    /// looking again now and then in case a notice is missed. Idle, the agent costs its sandbox nothing.
    /// </summary>
    private static async Task WaitForAsync(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(dir) { NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, e) => Notice(e.Name);
        watcher.Renamed += (_, e) => Notice(e.Name);
        var look = TimeSpan.FromMilliseconds(250);
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            look = TimeSpan.FromMilliseconds(10); // no notices here (the machine's inotify limit reached): look often instead
        }

        while (!File.Exists(path))
        {
            await Task.WhenAny(arrived.Task, Task.Delay(look));
        }

        void Notice(string? file)
        {
            if (file == name)
            {
                arrived.TrySetResult();
            }
        }
    }
}
