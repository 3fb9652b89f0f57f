using System.Globalization;
using System.Text;

namespace Dgm.Archive;

/// <summary>Exclusive use of a run folder by one process, through an OS lock on <c>runDir/run.lock</c>.</summary>
/// <remarks>
/// The lock is a FileStream opened with FileShare.None: on Linux and macOS .NET takes flock(LOCK_EX | LOCK_NB) on it,
/// on Windows a sharing lock. Either way the kernel drops it when the process dies, so a killed run never leaves a
/// stale lock. flock conflicts between open files, not processes: a second Acquire in the same process is refused too.
/// The holder's pid and the time it took the folder are written into the lock file (for <c>cat</c>) and into
/// <c>run.owner</c> beside it, because .NET cannot open a file another process holds this way, even to read it.
/// </remarks>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";
    public const string OwnerFileName = "run.owner";

    private readonly FileStream _lock;
    private readonly string _ownerFile;
    private bool _released;

    private RunLock(FileStream lockStream, string ownerFile)
    {
        _lock = lockStream;
        _ownerFile = ownerFile;
    }

    /// <summary>Takes the run folder (creating it), or throws <see cref="RunLockedException"/> naming the holder.</summary>
    public static RunLock Acquire(string runDir)
    {
        Directory.CreateDirectory(runDir);
        var ownerFile = Path.Combine(runDir, OwnerFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(runDir, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw RunLockedException.Held(runDir, ReadOwner(ownerFile), e);
        }

        try
        {
            var owner = Encoding.UTF8.GetBytes($"pid {Environment.ProcessId}, since {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\n");
            stream.SetLength(0);
            stream.Write(owner);
            stream.Flush();
            File.WriteAllBytes(ownerFile, owner);
            return new RunLock(stream, ownerFile);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        // The owner note goes first: once the lock is released, the next holder writes its own.
        _released = true;
        TryDelete(_ownerFile);
        _lock.Dispose();
    }

    private static string? ReadOwner(string ownerFile)
    {
        try
        {
            var text = File.ReadAllText(ownerFile).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not written yet, or removed as the holder ended: the message says "owner unknown".
            return null;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // A leftover note is harmless: it is only read while the lock is held, and the holder rewrites it.
        }
    }
}
