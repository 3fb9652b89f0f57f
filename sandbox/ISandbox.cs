namespace Dgm.Sandbox;

/// <summary>
/// An isolated place to run untrusted commands. Disposing kills and removes it, always.
/// Not thread-safe: one command at a time.
/// </summary>
public interface ISandbox : IAsyncDisposable
{
    /// <summary>Identifies the sandbox (a container id, or the local work folder).</summary>
    string Id { get; }

    /// <summary>The writable work folder, as commands inside see it.</summary>
    string WorkDir { get; }

    Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>Copies a host file or folder to a path inside the sandbox (a folder's contents land in that path).</summary>
    Task CopyInAsync(string hostPath, string sandboxPath, CancellationToken cancellationToken);

    /// <summary>Copies several host files or folders in, in order (a later one lands over an earlier one), as one copy.</summary>
    Task CopyInAsync(IReadOnlyList<CopyIn> items, CancellationToken cancellationToken);

    /// <summary>
    /// Copies a file or folder from inside the sandbox to a host path, within the sandbox's <see cref="CopyLimits"/>:
    /// what was cut or refused is in the report's notes, never an exception.
    /// </summary>
    Task<CopyReport> CopyOutAsync(string sandboxPath, string hostPath, CancellationToken cancellationToken);
}

/// <summary>Starts sandboxes of one kind.</summary>
public interface ISandboxFactory
{
    /// <summary>"docker" or "local".</summary>
    string Kind { get; }

    /// <summary>One line for users on how well this backend isolates.</summary>
    string IsolationNote { get; }

    Task<ISandbox> StartAsync(SandboxSpec spec, CancellationToken cancellationToken);
}
