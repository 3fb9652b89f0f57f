using Dgm.Evolution.Runs;

namespace Dgm.Cli.Commands;

/// <summary>Plain progress lines, one per event, safe for logs and pipes; events come from many workers at once.</summary>
internal sealed class ProgressPrinter(TextWriter output)
{
    private readonly Lock _lock = new();

    public void Print(EvolutionEvent e)
    {
        var who = e.NodeId is null ? "" : $"node {e.NodeId}: ";
        var line = e.Kind switch
        {
            EvolutionEventKind.IterationStarted => $"== {e.Message}",
            EvolutionEventKind.TaskFinished => $"   {who}{e.Message}",
            _ => $"{who}{e.Message}",
        };
        lock (_lock)
        {
            output.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
            output.Flush();
        }
    }
}
