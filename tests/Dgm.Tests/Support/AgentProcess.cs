using System.Diagnostics;

namespace Dgm.Tests.Support;

/// <summary>Runs the built seed agent as a process, as the harness does: it is run, never linked.</summary>
internal static class AgentProcess
{
    public static string Dll => Path.Combine(Repo.Root, "agent", "bin", "Debug", "net10.0", "Dgm.Agent.dll");

    /// <summary>
    /// A copy of the agent's source (no build output) in WORK/NAME, as the loop gives it to /work/self, with the host's
    /// runtime beside it in WORK/runtime, where the agent's project references it: a child to edit and build.
    /// </summary>
    public static string CopySource(string work, string name = "self")
    {
        var self = Path.Combine(work, name);
        CopyWithoutOutput(Path.Combine(Repo.Root, "agent"), self);
        var runtime = Path.Combine(work, "runtime");
        if (!Directory.Exists(runtime))
        {
            CopyWithoutOutput(Path.Combine(Repo.Root, "runtime"), runtime);
        }

        return self;
    }

    private static void CopyWithoutOutput(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    public static Task<(int Exit, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunBuildAsync(Dll, environment, args);

    /// <summary>Runs a tool the test needs (dotnet build) and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunToolAsync(string fileName, IEnumerable<string> args, string workingDirectory)
    {
        var (exit, stdout, stderr) = await RunProcessAsync(new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory }, args);
        return (exit, stdout + stderr);
    }

    /// <summary>Runs an agent build given by its dll (a child the seed's self-improvement made, for instance).</summary>
    public static async Task<(int Exit, string Stderr)> RunBuildAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        if (!File.Exists(dll))
        {
            Assert.Fail($"The agent is not built at {dll}; build Dgm.sln first (./scripts/test.sh does).");
        }

        var start = new ProcessStartInfo("dotnet");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var (exit, _, stderr) = await RunProcessAsync(start, [dll, .. args]);
        return (exit, stderr);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunProcessAsync(ProcessStartInfo start, IEnumerable<string> args)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, stderr);
    }
}
