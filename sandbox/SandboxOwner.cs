using System.Diagnostics;

namespace Dgm.Sandbox;

/// <summary>The process that owns sandboxes; a reaper removes containers whose owner is gone.</summary>
public sealed record SandboxOwner(string Host, int Pid, long StartTicks)
{
    public static SandboxOwner Current { get; } = FromProcess(Process.GetCurrentProcess());

    public static SandboxOwner FromProcess(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new SandboxOwner(Environment.MachineName, process.Id, process.StartTime.ToUniversalTime().Ticks);
    }

    /// <summary>True when the owner runs on this host and its process (same pid, same start) still lives.</summary>
    public bool IsAlive()
    {
        if (Host != Environment.MachineName)
        {
            return true; // another machine's run: not ours to judge
        }

        try
        {
            using var process = Process.GetProcessById(Pid);
            return process.StartTime.ToUniversalTime().Ticks == StartTicks;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
