using System.Diagnostics;

namespace Dgm.Tests.Support;

/// <summary>Runs the built seed agent as a process, as the harness does: it is run, never linked.</summary>
internal static class AgentProcess
{
    public static string Dll => Path.Combine(Repo.Root, "agent", "bin", "Debug", "net10.0", "Dgm.Agent.dll");

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
