namespace Dgm.Archive;

/// <summary>Another dgm process (or another <see cref="RunLock"/> in this one) holds the run folder.</summary>
public sealed class RunLockedException : ArchiveException
{
    public RunLockedException()
    {
    }

    public RunLockedException(string message)
        : base(message)
    {
    }

    public RunLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static RunLockedException Held(string runDir, string? owner, Exception inner) =>
        new($"The run folder {runDir} is in use by another dgm process ({owner ?? "owner unknown"}). Wait for it or stop it; a run that died releases the folder by itself.", inner);
}
