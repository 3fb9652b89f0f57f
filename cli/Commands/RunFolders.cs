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
            ? Directory.GetDirectories(runs).Where(d => File.Exists(Path.Combine(d, "archive.db"))).OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return newest ?? throw new CliException("No run found under ./runs; pass --run DIR or start one with ./scripts/evolve.sh.");
    }

    public static ArchiveStore OpenStore(string folder) => ArchiveStore.Open(folder);
}
