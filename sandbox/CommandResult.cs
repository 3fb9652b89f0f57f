namespace Dgm.Sandbox;

/// <summary>One command to run in a sandbox.</summary>
/// <param name="Command">The command line, run by bash -c in the work folder.</param>
/// <param name="Timeout">Wall-clock limit; reaching it is a result, not an exception.</param>
public sealed record CommandRequest(string Command, TimeSpan Timeout)
{
    /// <summary>Folder to run in; the sandbox's work folder when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment for this command only.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Cap per stream; the head and the tail are kept, the middle is dropped.</summary>
    public int OutputCapBytes { get; init; } = SandboxDefaults.OutputCapBytes;
}

/// <summary>What a command did. A timeout is data here; a caller's cancellation throws instead.</summary>
public sealed record CommandResult(
    string Stdout,
    string Stderr,
    int ExitCode,
    TimeSpan Duration,
    bool Truncated,
    bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
