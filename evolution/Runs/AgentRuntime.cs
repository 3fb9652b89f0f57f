namespace Dgm.Evolution.Runs;

/// <summary>
/// The runtime every agent is built against (runtime/, Dgm.Agent.Runtime: the in-memory test host and its worker,
/// the visible-test runner, child processes, the git baseline and diff, the warm start): the host's copy, never a
/// node's, so it is not in the genome. An agent's project references it as ../runtime, so wherever an agent's
/// source is restored or built, the runtime is put beside it.
/// </summary>
public static class AgentRuntime
{
    public const string FolderName = "runtime";

    /// <summary>The runtime beside an agent's source folder (SOURCE/../runtime), or null where there is none (an agent that does not use it).</summary>
    public static string? Beside(string? agentSource)
    {
        if (string.IsNullOrEmpty(agentSource))
        {
            return null;
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(agentSource).TrimEnd(Path.DirectorySeparatorChar));
        var runtime = parent is null ? null : Path.Combine(parent, FolderName);
        return runtime is not null && File.Exists(Path.Combine(runtime, "Dgm.Agent.Runtime.csproj")) ? runtime : null;
    }
}
