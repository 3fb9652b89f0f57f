using System.Diagnostics;
using System.Globalization;

namespace Dgm.Sandbox;

/// <summary>The process that owns sandboxes; a reaper removes containers whose owner is gone.</summary>
/// <param name="Host">The machine the process runs on.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="StartTicks">When the process started, in a unit stable across observers (see <see cref="StartOf"/>).</param>
public sealed record SandboxOwner(string Host, int Pid, long StartTicks)
{
    public static SandboxOwner Current { get; } = FromProcess(Process.GetCurrentProcess());

    public static SandboxOwner FromProcess(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new SandboxOwner(Environment.MachineName, process.Id, StartOf(process.Id) ?? 0);
    }

    /// <summary>
    /// A process's start time, or null when it does not exist. On Linux the raw start time from
    /// /proc/PID/stat (clock ticks since boot): Process.StartTime is derived from the boot time, which
    /// each observer computes with its own jitter, so two processes can disagree about a third's start.
    /// </summary>
    public static long? StartOf(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[19], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>True when the owner runs on this host and its process (same pid, same start) still lives.</summary>
    public bool IsAlive() => Host != Environment.MachineName || StartOf(Pid) == StartTicks;
}
