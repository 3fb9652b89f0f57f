using System.Diagnostics;
using Dgm.Archive;
using static Dgm.Tests.Archive.ArchiveTestKit;

namespace Dgm.Tests.Archive;

/// <summary>
/// A run killed with SIGKILL in the middle of writes keeps every node it had written, and its run folder is free
/// again. The writer is this test
/// assembly itself, started again with a filter that runs only <see cref="Writer_for_the_kill_test"/>: no extra
/// project, and the child uses the very ArchiveStore under test.
/// </summary>
[TestClass]
public sealed class ArchiveCrashTests
{
    private const string WriterRunDir = "DGM_TEST_ARCHIVE_WRITER_RUN";
    private const string Progress = "progress.txt";

    [TestMethod]
    public async Task A_run_killed_with_SIGKILL_keeps_every_written_node_and_frees_its_folder()
    {
        using var run = new TempFolder();
        var lines = 0;
        for (var round = 1; round <= 3; round++)
        {
            // Each round continues the recovered archive, as a resumed run would.
            lines += 40;
            await KillWriterAfterAsync(run, lines);

            var written = File.ReadAllText(run[Progress]).Split('\n')[..^1];
            lines = written.Length;
            using var runLock = AcquireWithin(TimeSpan.FromSeconds(10), run.Path);
            using var store = ArchiveStore.Open(run.Path);
            var nodes = store.All().ToDictionary(n => n.Id);
            foreach (var entry in written.Select(line => line.Split(' ')))
            {
                Assert.IsTrue(nodes.TryGetValue(entry[1], out var node), $"round {round}: node {entry[1]} was written ({entry[0]}) but is gone");
                if (entry[0] == "U")
                {
                    Assert.AreEqual(NodeStatus.Valid, node.Status, $"round {round}: the update of node {entry[1]} is lost");
                }
            }

            foreach (var node in nodes.Values)
            {
                Assert.AreEqual(nodes.Values.Count(n => n.ParentId == node.Id), node.Children, $"round {round}: children of node {node.Id}");
            }
        }
    }

    /// <summary>The child's side: writes nodes until killed, and notes each write only after it returned.</summary>
    [TestMethod]
    public void Writer_for_the_kill_test()
    {
        if (Environment.GetEnvironmentVariable(WriterRunDir) is not { } runDir)
        {
            return;
        }

        using var runLock = RunLock.Acquire(runDir);
        using var store = ArchiveStore.Open(runDir);
        var ids = store.All().Select(n => n.Id).ToList();
        if (ids.Count == 0)
        {
            store.Insert(Seed());
            Note(runDir, "I 0");
            ids.Add("0");
        }

        var random = new Random();
        var outcomes = Enumerable.Range(0, 60).Select(i => new TaskOutcome($"task-{i}", "train", 1, "resolved", true, true, "submitted", i)).ToArray();
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromMinutes(2);)
        {
            var id = store.NextId();
            store.Insert(Node(id, ids[random.Next(ids.Count)], status: NodeStatus.Evaluating) with { Results = outcomes });
            Note(runDir, $"I {id}");
            ids.Add(id);
            store.Update(store.Get(id) with { Status = NodeStatus.Valid, Score = random.NextDouble() });
            Note(runDir, $"U {id}");
        }
    }

    private static void Note(string runDir, string line) => File.AppendAllText(Path.Combine(runDir, Progress), line + "\n");

    private static async Task KillWriterAfterAsync(TempFolder run, int lines)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "exec", typeof(ArchiveCrashTests).Assembly.Location,
            "--filter", $"FullyQualifiedName={typeof(ArchiveCrashTests).FullName}.{nameof(Writer_for_the_kill_test)}",
            "--results-directory", run["results"],
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[WriterRunDir] = run.Path;
        using var writer = Process.Start(start)!;
        var stdout = writer.StandardOutput.ReadToEndAsync();
        var stderr = writer.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (CompleteLines(run[Progress]) < lines)
        {
            if (writer.HasExited || clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                writer.Kill();
                Assert.Fail($"The writer wrote {CompleteLines(run[Progress])} of {lines} lines (exit {(writer.HasExited ? writer.ExitCode : -1)}): {await stdout}{await stderr}");
            }

            await Task.Delay(20);
        }

        var held = Assert.ThrowsExactly<RunLockedException>(() => RunLock.Acquire(run.Path));
        StringAssert.Contains(held.Message, $"(pid {writer.Id}, since ");

        writer.Kill(); // SIGKILL on Unix: no finalizer, no Dispose, no checkpoint
        await writer.WaitForExitAsync();
    }

    private static int CompleteLines(string file) => File.Exists(file) ? File.ReadAllText(file).Count(c => c == '\n') : 0;
}
