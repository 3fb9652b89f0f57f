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

    /// <summary>
    /// The defaults, or what DGM_COPY_FILE_MB and DGM_COPY_TOTAL_MB say (whole megabytes); a value that is not
    /// a positive whole number is a <see cref="SandboxException"/> naming the variable.
    /// </summary>
    public static CopyLimits FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var limits = new CopyLimits();
        return limits with
        {
            MaxFileBytes = Megabytes(read, "DGM_COPY_FILE_MB") ?? limits.MaxFileBytes,
            MaxTotalBytes = Megabytes(read, "DGM_COPY_TOTAL_MB") ?? limits.MaxTotalBytes,
        };
    }

    private static long? Megabytes(Func<string, string?> read, string variable) =>
        read(variable) is not { Length: > 0 } text ? null
        : long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb > 0 && mb < (long.MaxValue >> 20) ? mb << 20
        : throw new SandboxException($"{variable}={text} is not a positive whole number of megabytes (a copy limit out of sandboxes); unset it for the defaults.");
}

/// <summary>What one copy out of a sandbox brought: files and bytes written, and a note for everything cut or refused.</summary>
public sealed record CopyReport(int Files, long Bytes, IReadOnlyList<string> Notes)
{
    /// <summary>Nothing was cut or refused.</summary>
    public bool Complete => Notes.Count == 0;
}
