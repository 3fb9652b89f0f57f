namespace Dgm.Benchmarks.Control;

/// <summary>How a path differs between the original repository and the patched one.</summary>
public enum ChangeKind
{
    Added,
    Changed,
    Deleted,

    /// <summary>A symbolic link, which no task's repository holds: always removed.</summary>
    Link,
}

/// <summary>One file that differs between two trees, relative to their roots with '/' separators.</summary>
public sealed record TreeChange(string Path, ChangeKind Kind);

/// <summary>
/// Compares two folders file by file, byte for byte, on the file tree itself: what git's view of it would
/// skip (ignored files, attributes, links) is seen here. Links are never followed.
/// </summary>
public static class TreeDiff
{
    /// <summary>Every file added, changed or deleted in <paramref name="patched"/> against <paramref name="original"/>, and every link in it; a root `.git` folder is ignored.</summary>
    public static IReadOnlyList<TreeChange> Compare(string original, string patched)
    {
        var before = Walk(original);
        var after = Walk(patched);
        var changes = new List<TreeChange>();
        foreach (var (path, entry) in after)
        {
            if (entry.IsLink)
            {
                changes.Add(new TreeChange(path, ChangeKind.Link));
            }
            else if (!before.TryGetValue(path, out var old))
            {
                changes.Add(new TreeChange(path, ChangeKind.Added));
            }
            else if (!SameBytes(old.FullPath, entry.FullPath))
            {
                changes.Add(new TreeChange(path, ChangeKind.Changed));
            }
        }

        changes.AddRange(before.Keys.Where(p => !after.ContainsKey(p)).Select(p => new TreeChange(p, ChangeKind.Deleted)));
        return [.. changes.OrderBy(c => c.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Undoes, in <paramref name="patched"/>, every change to a protected path (restored from
    /// <paramref name="original"/>, or removed if it is new) and removes every link. Returns what was undone.
    /// </summary>
    public static IReadOnlyList<TreeChange> DiscardProtected(string original, string patched, ProtectedPaths protectedPaths)
    {
        ArgumentNullException.ThrowIfNull(protectedPaths);
        var undone = new List<TreeChange>();
        foreach (var change in Compare(original, patched))
        {
            if (change.Kind != ChangeKind.Link && !protectedPaths.IsProtected(change.Path))
            {
                continue;
            }

            var target = Path.Combine(patched, change.Path);
            RemoveAnyKind(target);
            var source = Path.Combine(original, change.Path);
            if (change.Kind is ChangeKind.Changed or ChangeKind.Deleted || (change.Kind == ChangeKind.Link && File.Exists(source)))
            {
                ReplaceParentsThatAreNotFolders(patched, change.Path);
                File.Copy(source, target, overwrite: true);
            }

            undone.Add(change);
        }

        return undone;
    }

    private sealed record Entry(string FullPath, bool IsLink);

    private static Dictionary<string, Entry> Walk(string root)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        var pending = new Stack<(DirectoryInfo Dir, string Prefix)>();
        pending.Push((new DirectoryInfo(root), ""));
        while (pending.Count > 0)
        {
            var (dir, prefix) = pending.Pop();
            foreach (var info in dir.EnumerateFileSystemInfos("*", options))
            {
                var relative = prefix + info.Name;
                if (prefix.Length == 0 && info.Name == ".git")
                {
                    continue;
                }

                if (info.LinkTarget is not null)
                {
                    entries[relative] = new Entry(info.FullName, IsLink: true);
                }
                else if (info is DirectoryInfo sub)
                {
                    pending.Push((sub, relative + "/"));
                }
                else
                {
                    entries[relative] = new Entry(info.FullName, IsLink: false);
                }
            }
        }

        return entries;
    }

    private static bool SameBytes(string a, string b)
    {
        var infoA = new FileInfo(a);
        var infoB = new FileInfo(b);
        if (infoA.Length != infoB.Length)
        {
            return false;
        }

        using var streamA = infoA.OpenRead();
        using var streamB = infoB.OpenRead();
        var bufferA = new byte[64 * 1024];
        var bufferB = new byte[64 * 1024];
        while (true)
        {
            var read = streamA.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false);
            streamB.ReadExactly(bufferB, 0, read);
            if (!bufferA.AsSpan(0, read).SequenceEqual(bufferB.AsSpan(0, read)))
            {
                return false;
            }

            if (read < bufferA.Length)
            {
                return true;
            }
        }
    }

    private static void RemoveAnyKind(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path))
        {
            info.Delete();
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>A patch may have turned a folder on the restored file's path into a file or a link.</summary>
    private static void ReplaceParentsThatAreNotFolders(string root, string relative)
    {
        var current = root;
        foreach (var segment in relative.Split('/')[..^1])
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null || File.Exists(current))
            {
                info.Delete();
            }

            Directory.CreateDirectory(current);
        }
    }
}
