using LibGit2Sharp;

namespace Dgm.Archive.Internal;

/// <summary>Agent source folders ↔ git trees: what is kept of a folder, and how a tree is written back.</summary>
internal static class SourceTree
{
    public const long MaxFileBytes = 1024 * 1024;

    // Build output and nested repositories are not source; they would also make every commit huge.
    private static readonly HashSet<string> ExcludedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git" };

    /// <summary>
    /// The folder as a tree, without bin/, obj/, .git/ (at any depth), symbolic links (they may point anywhere on
    /// the host) and files over 1 MiB (logs or binaries an agent left behind, not source).
    /// </summary>
    public static Tree Build(Repository repo, string sourceDir)
    {
        var definition = new TreeDefinition();
        var root = Path.GetFullPath(sourceDir);
        Add(repo, definition, root, new DirectoryInfo(root));
        return repo.ObjectDatabase.CreateTree(definition);
    }

    /// <summary>Writes a tree's files under destDir, keeping the executable bit.</summary>
    public static void Write(Tree tree, string destDir)
    {
        Directory.CreateDirectory(destDir);
        foreach (var entry in tree)
        {
            var target = Path.Combine(destDir, entry.Name);
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree:
                    Write((Tree)entry.Target, target);
                    break;
                case TreeEntryTargetType.Blob:
                    WriteFile((Blob)entry.Target, target, entry.Mode == Mode.ExecutableFile);
                    break;
                default:
                    // Submodules (git links) never enter a lineage tree; nothing to write.
                    break;
            }
        }
    }

    private static void Add(Repository repo, TreeDefinition definition, string root, DirectoryInfo dir)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (!ExcludedFolders.Contains(sub.Name))
                {
                    Add(repo, definition, root, sub);
                }
            }
            else if (entry is FileInfo file && file.Length <= MaxFileBytes)
            {
                // From disk by absolute path: raw bytes, no line-ending or attribute filters.
                var blob = repo.ObjectDatabase.CreateBlob(file.FullName);
                var path = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
                definition.Add(path, blob, IsExecutable(file) ? Mode.ExecutableFile : Mode.NonExecutableFile);
            }
        }
    }

    private static bool IsExecutable(FileInfo file) =>
        !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;

    private static void WriteFile(Blob blob, string target, bool executable)
    {
        using (var content = blob.GetContentStream())
        using (var output = File.Create(target))
        {
            content.CopyTo(output);
        }

        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
