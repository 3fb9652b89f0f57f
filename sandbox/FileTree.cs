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
}
