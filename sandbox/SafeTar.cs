using System.Formats.Tar;

namespace Dgm.Sandbox;

/// <summary>Tar streams for copying in and out of sandboxes. Extraction trusts nothing it reads.</summary>
public static class SafeTar
{
    /// <summary>
    /// One tar of several items, to be extracted at the file system's root: each entry is named by its path in
    /// the sandbox (without the leading '/'), in the items' order; a stamped item's entries carry <paramref name="now"/>.
    /// </summary>
    public static async Task<MemoryStream> PackAsync(IReadOnlyList<CopyIn> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var stream = new MemoryStream();
        await using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var item in items)
            {
                if (!item.SandboxPath.StartsWith('/') || item.SandboxPath.Split('/').Contains(".."))
                {
                    throw new ArgumentException($"'{item.SandboxPath}' is not an absolute path in the sandbox.", nameof(items));
                }

                var name = item.SandboxPath.Trim('/');
                await AddAsync(writer, item.HostPath, Directory.Exists(item.HostPath) ? name + "/" : name, item.Stamped ? now : null, cancellationToken);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A folder's contents under <paramref name="name"/> (a prefix ending in '/'), or a file as <paramref name="name"/>.</summary>
    private static async Task AddAsync(TarWriter writer, string hostPath, string name, DateTimeOffset? stamp, CancellationToken cancellationToken)
    {
        if (Directory.Exists(hostPath))
        {
            // TarFile.CreateFromDirectory skips hidden entries (dotfiles such as .editorconfig): walk the folder ourselves.
            var all = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var entry in new DirectoryInfo(hostPath).EnumerateFileSystemInfos("*", all).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.LinkTarget is null && entry is DirectoryInfo or FileInfo)
                {
                    await WriteAsync(writer, entry, name + Path.GetRelativePath(hostPath, entry.FullName).Replace('\\', '/'), stamp, cancellationToken);
                }
            }
        }
        else if (File.Exists(hostPath))
        {
            await WriteAsync(writer, new FileInfo(hostPath), name, stamp, cancellationToken);
        }
        else
        {
            throw SandboxException.NoSuchHostPath(hostPath);
        }
    }

    private static async Task WriteAsync(TarWriter writer, FileSystemInfo entry, string name, DateTimeOffset? stamp, CancellationToken cancellationToken)
    {
        if (stamp is null)
        {
            await writer.WriteEntryAsync(entry.FullName, name, cancellationToken);
            return;
        }

        var isFolder = entry is DirectoryInfo;
        var stamped = new PaxTarEntry(isFolder ? TarEntryType.Directory : TarEntryType.RegularFile, name)
        {
            Mode = entry.UnixFileMode,
            ModificationTime = stamp.Value,
        };
        await using var data = isFolder ? null : File.OpenRead(entry.FullName);
        if (data is not null)
        {
            stamped.DataStream = data;
        }

        await writer.WriteEntryAsync(stamped, cancellationToken);
    }

    /// <summary>
    /// Extracts regular files and folders under <paramref name="destination"/>. Links, devices and any
    /// entry whose path leaves the destination are skipped: the archive comes from untrusted code.
    /// Files over <paramref name="limits"/>' size are cut, entries past its total refused, an archive that
    /// ends early (cut on its way out) stops the extraction; each with a note.
    /// </summary>
    public static async Task<CopyReport> ExtractAsync(Stream tar, string destination, CopyLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        var files = 0;
        var bytes = 0L;
        var notes = new List<string>();
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await NextAsync(reader, notes, cancellationToken) is { } entry)
        {
            var target = Resolve(root, entry.Name);
            if (target is null)
            {
                continue;
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (File.GetAttributes(Path.GetDirectoryName(target)!).HasFlag(FileAttributes.ReparsePoint))
                    {
                        continue;
                    }

                    var room = Math.Min(limits.MaxFileBytes, limits.MaxTotalBytes - bytes);
                    if (room <= 0)
                    {
                        notes.Add($"{entry.Name}: refused, the copy reached its limit of {limits.MaxTotalBytes} bytes");
                        continue;
                    }

                    var written = 0L;
                    await using (var file = File.Create(target))
                    {
                        // An empty file has no data stream at all.
                        if (entry.DataStream is not null)
                        {
                            written = await CopyAtMostAsync(entry.DataStream, file, room, cancellationToken);
                        }
                    }

                    if (entry.Length > written)
                    {
                        notes.Add($"{entry.Name}: cut at {written} of {entry.Length} bytes (limits: {limits.MaxFileBytes} a file, {limits.MaxTotalBytes} a copy)");
                    }

                    bytes += written;
                    files++;
                    break;
                default:
                    break;
            }
        }

        return new CopyReport(files, bytes, notes);
    }

    private static async Task<TarEntry?> NextAsync(TarReader reader, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException)
        {
            notes.Add($"the archive ended early ({e.Message}); what followed was not copied");
            return null;
        }
    }

    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long max, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        var total = 0L;
        while (total < max)
        {
            int read;
            try
            {
                read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, max - total)), cancellationToken);
            }
            catch (EndOfStreamException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }

    private static string? Resolve(string root, string name)
    {
        // `tar -c -C dir .` names entries "./x"; strip that prefix only: ".editorconfig" must keep its dot.
        var trimmed = name;
        while (trimmed.StartsWith("./", StringComparison.Ordinal) || trimmed.StartsWith('/'))
        {
            trimmed = trimmed[(trimmed[0] == '/' ? 1 : 2)..];
        }

        if (trimmed is "" or ".")
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, trimmed));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
