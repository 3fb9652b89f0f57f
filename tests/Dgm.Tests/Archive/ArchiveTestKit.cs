using System.Diagnostics;
using Dgm.Archive;

namespace Dgm.Tests.Archive;

/// <summary>Nodes for archive tests, and the real git command line to check what the lineage wrote.</summary>
internal static class ArchiveTestKit
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(1));

    public static Node Seed(double? score = 0.2) => Node("0", null, score);

    public static Node Node(string id, string? parentId, double? score = null, NodeStatus status = NodeStatus.Valid) => new()
    {
        Id = id,
        ParentId = parentId,
        Generation = parentId is null ? 0 : 1,
        Created = T0.AddMinutes(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)),
        Status = status,
        Score = score,
    };

    /// <summary>The kernel drops a dead process's lock as it reaps it; allow it a moment.</summary>
    public static RunLock AcquireWithin(TimeSpan limit, string runDir)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return RunLock.Acquire(runDir);
            }
            catch (RunLockedException) when (clock.Elapsed < limit)
            {
                Thread.Sleep(100);
            }
        }
    }

    public static string Git(string gitDir, params string[] args) => GitIn(null, ["--git-dir", gitDir, .. args]);

    /// <summary>Runs git (with a fixed identity, no user config) and returns its stdout; a failure fails the test with git's stderr.</summary>
    public static string GitIn(string? workDir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir ?? Environment.CurrentDirectory };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = System.IO.Path.GetTempPath();
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"git {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
