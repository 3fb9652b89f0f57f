namespace Dgm.Archive;

/// <summary>A run folder's archive or lineage cannot be used as asked; the message says what to do.</summary>
/// <remarks>Not sealed: <see cref="NodeNotFoundException"/> and <see cref="RunLockedException"/> are archive errors too, so one catch covers them all.</remarks>
public class ArchiveException : Exception
{
    public ArchiveException()
    {
    }

    public ArchiveException(string message)
        : base(message)
    {
    }

    public ArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static ArchiveException Unreadable(string file, Exception inner) =>
        new(UnreadableMessage(file, inner.Message), inner);

    internal static ArchiveException Unreadable(string file, string problem) =>
        new(UnreadableMessage(file, problem));

    internal static ArchiveException Missing(string file) =>
        new($"There is no archive at {file}: this is not a run folder; start a run with: dgm evolve --run {Path.GetDirectoryName(file)}");

    internal static ArchiveException Empty(string file) =>
        new($"The archive {file} is empty (0 bytes): the run's nodes are not in it. Restore it from a backup; if the run never got past its start, delete the run folder and start again.");

    internal static ArchiveException Foreign(string file) =>
        new($"{file} is a LiteDB file of something else, not a Dgm archive; point --run at a Dgm run folder.");

    internal static ArchiveException NoRun(string file) =>
        new($"The archive {file} holds no run yet (no run information, no node): wait for the run to write its first node, or start one with dgm evolve.");

    internal static ArchiveException WriteFailed(string file, Exception inner) =>
        new($"Writing the archive {file} failed: {OneLine(inner.Message)}. Check free disk space and permissions; the nodes written before are intact.", inner);

    internal static ArchiveException DuplicateId(string id, string runDir) =>
        new($"Node '{id}' is already in {runDir}; ids are never reused: take a fresh one from NextId().");

    internal static ArchiveException BadId(string id) =>
        new($"'{id}' is not a node id: ids are decimal numbers without leading zeros (\"0\" is the seed).");

    internal static ArchiveException ParentMissing(string id, string parentId, string runDir) =>
        new($"Node '{id}' names parent '{parentId}', which is not in {runDir}; insert the parent first.");

    internal static ArchiveException ParentChanged(string id, string runDir) =>
        new($"Node '{id}' in {runDir} cannot change its parent: the parent's child count and the lineage depend on it.");

    internal static ArchiveException LineageUnreadable(string path, Exception inner) =>
        new($"Cannot open the lineage repository {path}: {OneLine(inner.Message)}. Restore it from a backup, or start a new run folder.", inner);

    internal static ArchiveException LineageFailed(string what, string path, Exception inner) =>
        new($"Lineage {what} failed in {path}: {OneLine(inner.Message)}.", inner);

    internal static ArchiveException NativeGitMissing(Exception inner) =>
        new($"The libgit2 native library could not be loaded ({OneLine(inner.Message)}). It ships with LibGit2Sharp under runtimes/<rid>/native next to dgm; reinstall or rebuild dgm for this platform.", inner);

    internal static ArchiveException NoSource(string sourceDir) =>
        new($"No agent source at '{sourceDir}': the folder does not exist.");

    private static string UnreadableMessage(string file, string problem) =>
        $"Cannot read the archive {file}: {OneLine(problem)}. Restore it (and its -log.db file, if any) from a backup, or start a new run folder.";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
