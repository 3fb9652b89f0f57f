using System.Diagnostics;
using Dgm.Archive;

namespace Dgm.Tests.Archive;

/// <summary>One process per run folder: an OS lock (flock on Linux) that dies with its holder.</summary>
[TestClass]
public sealed class RunLockTests
{
    [TestMethod]
    public void A_second_acquire_in_the_same_process_is_refused_and_names_the_holder()
    {
        using var run = new TempFolder();
        using var held = RunLock.Acquire(run.Path);

        var error = Assert.ThrowsExactly<RunLockedException>(() => RunLock.Acquire(run.Path));

        StringAssert.StartsWith(error.Message, $"The run folder {run.Path} is in use by another dgm process (pid {Environment.ProcessId}, since 20");
        StringAssert.EndsWith(error.Message, "Z). Wait for it or stop it; a run that died releases the folder by itself.");
        StringAssert.StartsWith(ReadUnlocked(run[RunLock.FileName]), $"pid {Environment.ProcessId}, since ");
    }

    [TestMethod]
    public void Dispose_releases_the_folder_and_removes_the_owner_note()
    {
        using var run = new TempFolder();
        var first = RunLock.Acquire(run.Path);
        Assert.IsTrue(File.Exists(run[RunLock.OwnerFileName]));

        first.Dispose();
        first.Dispose();

        Assert.IsFalse(File.Exists(run[RunLock.OwnerFileName]));
        using var second = RunLock.Acquire(run.Path);
    }

    [TestMethod]
    public void The_lock_is_an_flock_that_other_processes_see()
    {
        using var run = new TempFolder();
        var lockFile = run[RunLock.FileName];

        using (RunLock.Acquire(run.Path))
        {
            Assert.AreEqual(1, Flock("-x", "-n", lockFile, "true"), "flock(1) must be refused while dgm holds the folder");
        }

        Assert.AreEqual(0, Flock("-x", "-n", lockFile, "true"));
    }

    [TestMethod]
    public void A_folder_held_by_another_process_is_refused_until_that_process_is_killed()
    {
        using var run = new TempFolder();
        var start = new ProcessStartInfo("flock") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "-x", run[RunLock.FileName], "-c", "echo locked; exec sleep 120" })
        {
            start.ArgumentList.Add(arg);
        }

        using var holder = Process.Start(start)!;
        try
        {
            Assert.AreEqual("locked", holder.StandardOutput.ReadLine());

            var error = Assert.ThrowsExactly<RunLockedException>(() => RunLock.Acquire(run.Path));
            StringAssert.Contains(error.Message, "(owner unknown)");
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        using var taken = ArchiveTestKit.AcquireWithin(TimeSpan.FromSeconds(10), run.Path);
    }

    /// <summary>Reads a file the way cat does: .NET's own FileStream would ask for a (refused) shared lock.</summary>
    private static string ReadUnlocked(string file)
    {
        using var cat = Process.Start(new ProcessStartInfo("cat", [file]) { RedirectStandardOutput = true })!;
        var text = cat.StandardOutput.ReadToEnd();
        cat.WaitForExit();
        return text;
    }

    private static int Flock(params string[] args)
    {
        var start = new ProcessStartInfo("flock");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
