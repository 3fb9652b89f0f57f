namespace Dgm.Sandbox;

/// <summary>Copies files and folders on this machine.</summary>
public static class FileTree
{
    /// <summary>
    /// Copies a file, or a folder's contents into <paramref name="destination"/>. With
    /// <paramref name="followLinks"/> false, symbolic links are skipped (the source is untrusted).
    /// </summary>
    public static void Copy(string source, string destination, bool followLinks)
    {
        if (File.Exists(source))
        {
            if (!followLinks && new FileInfo(source).LinkTarget is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
            File.Copy(source, destination, overwrite: true);
            return;
        }

        if (!Directory.Exists(source))
        {
            throw SandboxException.NoSuchHostPath(source);
        }

        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (!followLinks && entry.LinkTarget is not null)
            {
                continue;
            }

            Copy(entry.FullName, Path.Combine(destination, entry.Name), followLinks);
        }
    }

    /// <summary>Gives what <see cref="Copy"/> copied from <paramref name="source"/> to <paramref name="destination"/> the modification time <paramref name="utc"/>.</summary>
    public static void Stamp(string source, string destination, DateTime utc)
    {
        if (File.Exists(source))
        {
            File.SetLastWriteTimeUtc(destination, utc);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var copied = Path.Combine(destination, Path.GetRelativePath(source, file));
            if (File.Exists(copied))
            {
                File.SetLastWriteTimeUtc(copied, utc);
            }
        }
    }

    /// <summary>
    /// Copies untrusted files out (links skipped) within <paramref name="limits"/>: a file over the per-file
    /// limit is cut there, files past the total are refused, each with a note. Streams; never holds a file in memory.
    /// </summary>
    public static CopyReport CopyOut(string source, string destination, CopyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var notes = new List<string>();
        var files = 0;
        var bytes = 0L;

        void CopyFile(string from, string to, string name)
        {
            var room = Math.Min(limits.MaxFileBytes, limits.MaxTotalBytes - bytes);
            if (room <= 0)
            {
                notes.Add($"{name}: refused, the copy reached its limit of {limits.MaxTotalBytes} bytes");
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
            using var input = File.OpenRead(from);
            using var output = File.Create(to);
            var buffer = new byte[81920];
            var written = 0L;
            int read;
            while (written < room && (read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, room - written))) > 0)
            {
                output.Write(buffer, 0, read);
                written += read;
            }

            if (input.Length > written)
            {
                notes.Add($"{name}: cut at {written} of {input.Length} bytes (limits: {limits.MaxFileBytes} a file, {limits.MaxTotalBytes} a copy)");
            }

            bytes += written;
            files++;
        }

        if (File.Exists(source))
        {
            if (new FileInfo(source).LinkTarget is null)
            {
                CopyFile(source, destination, Path.GetFileName(source));
            }
        }
        else if (new DirectoryInfo(source) is { Exists: true, LinkTarget: not null })
        {
            notes.Add($"{Path.GetFileName(source)}: a link, not followed");
        }
        else if (Directory.Exists(source))
        {
            var pending = new Stack<(string From, string To)>();
            pending.Push((source, destination));
            Directory.CreateDirectory(destination);
            while (pending.Count > 0)
            {
                var (from, to) = pending.Pop();
                foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
                {
                    var target = Path.Combine(to, entry.Name);
                    if (entry.LinkTarget is not null)
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo)
                    {
                        Directory.CreateDirectory(target);
                        pending.Push((entry.FullName, target));
                    }
                    else
                    {
                        CopyFile(entry.FullName, target, Path.GetRelativePath(source, entry.FullName));
                    }
                }
            }
        }
        else
        {
            throw SandboxException.NoSuchHostPath(source);
        }

        return new CopyReport(files, bytes, notes);
    }
}
