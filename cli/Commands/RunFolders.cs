using Dgm.Archive;

namespace Dgm.Cli.Commands;

/// <summary>Finds the run folder a command means and opens its archive, with one clear line when it cannot.</summary>
internal static class RunFolders
{
    public static string Find(string? given)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given);
            return File.Exists(Path.Combine(full, "archive.db"))
                ? full
                : throw new CliException(Directory.Exists(full)
                    ? $"{given} is not a run folder (it has no archive.db); start a run with: dgm evolve --run {given}"
                    : $"The run folder {given} does not exist.");
        }

        var runs = Path.GetFullPath("runs");
        var newest = Directory.Exists(runs)
            ? Directory.GetDirectories(runs).Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, "archive.db"))).OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return newest ?? throw new CliException("No run found under ./runs; pass --run DIR or start one with ./scripts/evolve.sh.");
    }

    /// <summary>
    /// Opens the run's archive for reading only (nothing is written; an empty or foreign file is an error). A live run owns the file (LiteDB has one writer), so while its
    /// lock is held the reader opens a snapshot copy instead: every write ends in a checkpoint, and a copy
    /// taken in the middle of one fails the archive's checks and is simply taken again.
    /// </summary>
    public static ArchiveStore OpenStore(string folder)
    {
        try
        {
            using (RunLock.Acquire(folder))
            {
            }

            return ArchiveStore.OpenReadOnly(folder);
        }
        catch (RunLockedException)
        {
            for (var attempt = 1; ; attempt++)
            {
                var snapshot = Directory.CreateTempSubdirectory("dgm-snapshot-").FullName;
                try
                {
                    File.Copy(Path.Combine(folder, ArchiveStore.FileName), Path.Combine(snapshot, ArchiveStore.FileName));
                    return new SnapshotStore(ArchiveStore.OpenReadOnly(snapshot), snapshot).Store;
                }
                catch (ArchiveException) when (attempt < 5)
                {
                    Directory.Delete(snapshot, recursive: true);
                    Thread.Sleep(200);
                }
            }
        }
    }

    /// <summary>Deletes the snapshot folder when the process ends; the store itself is disposed by its user.</summary>
    private sealed class SnapshotStore
    {
        public SnapshotStore(ArchiveStore store, string folder)
        {
            Store = store;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    store.Dispose();
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            };
        }

        public ArchiveStore Store { get; }
    }
}
