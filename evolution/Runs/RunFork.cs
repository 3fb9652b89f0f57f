using Dgm.Archive;
using Dgm.Sandbox;

namespace Dgm.Evolution.Runs;

/// <summary>
/// A new run folder that starts from another run's archive (`dgm evolve --run NEW --from BASE`): the nodes,
/// their logs and builds, the lineage and the run's totals are copied, and the new run goes on from them with
/// other method options (how parents are chosen and children made and kept). An ablation's methods can so share
/// one evaluated seed: each method's run is the base's work plus its own, as one run from scratch would be.
/// The base is held (its run lock) while it is copied, so a running base is refused, and is never changed.
/// </summary>
public static class RunFork
{
    /// <summary>The options a run started from another may set differently: the rest decide what the copied nodes are.</summary>
    public static readonly IReadOnlyList<string> MethodOptions = ["--selection", "--improver", "--children", "--keep", "--approve"];

    /// <summary>
    /// Copies <paramref name="baseDir"/>'s run into <paramref name="runDir"/> (new or empty). <paramref name="fork"/> gets
    /// the base's run information and returns the new run's (it throws to refuse: nothing is copied then); it is
    /// written into the copy before the copy takes the new folder's name, so the folder never holds the base's.
    /// ArgumentException says why it cannot start; IOException or UnauthorizedAccessException that the copy failed
    /// (nothing is left at <paramref name="runDir"/> then).
    /// </summary>
    public static void Copy(string baseDir, string runDir, Func<RunInfo, RunInfo> fork)
    {
        ArgumentNullException.ThrowIfNull(baseDir);
        ArgumentNullException.ThrowIfNull(runDir);
        ArgumentNullException.ThrowIfNull(fork);
        baseDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDir));
        runDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDir));
        if (!File.Exists(Path.Combine(baseDir, ArchiveStore.FileName)))
        {
            throw new ArgumentException($"--from {baseDir}: there is no run there (no {ArchiveStore.FileName}); pass the folder of an evolve run.");
        }

        if (baseDir == runDir || runDir.StartsWith(baseDir + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--run {runDir} is the base run's folder or inside it; a run started --from another goes into a folder of its own.");
        }

        if (File.Exists(Path.Combine(runDir, ArchiveStore.FileName)))
        {
            throw new ArgumentException($"--run {runDir} already holds a run; continue it with: dgm evolve --run {runDir} --resume");
        }

        if (Directory.Exists(runDir) && Directory.EnumerateFileSystemEntries(runDir).Any())
        {
            throw new ArgumentException($"--run {runDir} is not empty; a run started --from another goes into a new folder.");
        }

        // Copied beside the target under a hidden name (no command takes it for a run) and moved in whole, so a
        // failed copy never leaves half a run behind.
        var staging = Path.Combine(Path.GetDirectoryName(runDir)!, $".{Path.GetFileName(runDir)}.from-{Guid.NewGuid():N}");
        try
        {
            using (RunLock.Acquire(baseDir))
            {
                RunInfo info;
                using (var store = ArchiveStore.OpenReadOnly(baseDir))
                {
                    info = fork(store.GetRunInfo() ?? throw new ArgumentException($"--from {baseDir}: the run there recorded no options (it was killed as it started); pass another run's folder."));
                }

                // Not the lock, and not the base's summary: the new run has none until it ends.
                Directory.CreateDirectory(staging);
                var summary = Path.GetFileName(new RunFolder(baseDir).SummaryPath);
                foreach (var entry in Directory.EnumerateFileSystemEntries(baseDir).Where(e => Path.GetFileName(e) is not (RunLock.FileName or RunLock.OwnerFileName) && Path.GetFileName(e) != summary))
                {
                    FileTree.Copy(entry, Path.Combine(staging, Path.GetFileName(entry)), followLinks: false);
                }

                using (var copied = ArchiveStore.Open(staging))
                {
                    copied.SetRunInfo(info);
                }
            }

            if (Directory.Exists(runDir))
            {
                Directory.Delete(runDir);
            }

            Directory.Move(staging, runDir);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
