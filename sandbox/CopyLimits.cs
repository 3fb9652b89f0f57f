namespace Dgm.Sandbox;

/// <summary>
/// How much one copy out of a sandbox may bring to the host. A file over <see cref="MaxFileBytes"/> is cut there;
/// once <see cref="MaxTotalBytes"/> have arrived the rest is refused. Either way the report says so, and nothing
/// is ever held whole in memory: an agent that writes a huge file costs the host at most these bytes of disk.
/// </summary>
public sealed record CopyLimits
{
    /// <summary>Per file: patches, trajectories, logs and TRX files are far smaller; built agents' largest dll is about 6 MB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Per copy: a built agent is about 30 MB.</summary>
    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;
}

/// <summary>What one copy out of a sandbox brought: files and bytes written, and a note for everything cut or refused.</summary>
public sealed record CopyReport(int Files, long Bytes, IReadOnlyList<string> Notes)
{
    /// <summary>Nothing was cut or refused.</summary>
    public bool Complete => Notes.Count == 0;
}
