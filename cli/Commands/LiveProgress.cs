using Dgm.Archive;
using Dgm.Evolution.Runs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dgm.Cli.Commands;

/// <summary>
/// The live view of a run on a terminal: iteration, best score, cost, the nodes in flight with their phase,
/// and the latest finished nodes. Events arrive from many workers; the state is guarded by one lock.
/// </summary>
internal sealed class LiveProgress
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Phase, DateTime Since)> _inFlight = new(StringComparer.Ordinal);
    private readonly Queue<string> _finished = new();
    private readonly Func<double> _cost;
    private string _iteration = "seed";
    private Node? _best;

    public LiveProgress(Func<double> cost) => _cost = cost;

    /// <summary>Runs the work inside a live display; falls back to plain lines when output is not a terminal.</summary>
    public static async Task<T> RunAsync<T>(TextWriter output, Func<double> cost, Func<Action<EvolutionEvent>, Task<T>> work)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new ProgressPrinter(output).Print);
        }

        var live = new LiveProgress(cost);
        T result = default!;
        await AnsiConsole.Live(live.Render()).AutoClear(false).StartAsync(async context =>
        {
            result = await work(e =>
            {
                live.Apply(e);
                context.UpdateTarget(live.Render());
            });
        });
        return result;
    }

    public void Apply(EvolutionEvent e)
    {
        lock (_lock)
        {
            switch (e.Kind)
            {
                case EvolutionEventKind.IterationStarted:
                    _iteration = e.Message;
                    break;
                case EvolutionEventKind.NodeStarted or EvolutionEventKind.NodePhase when e.NodeId is not null:
                    _inFlight[e.NodeId] = (e.Message, _inFlight.TryGetValue(e.NodeId, out var was) ? was.Since : DateTime.UtcNow);
                    break;
                case EvolutionEventKind.NodeFinished when e.NodeId is not null:
                    _inFlight.Remove(e.NodeId);
                    _finished.Enqueue($"node {e.NodeId}: {e.Message}");
                    if (e.Node is { Status: NodeStatus.Valid, Score: not null } node && (_best is null || node.Score > _best.Score))
                    {
                        _best = node;
                    }

                    break;
                case EvolutionEventKind.Info:
                    _finished.Enqueue(e.Message);
                    break;
                default:
                    break;
            }

            while (_finished.Count > 8)
            {
                _finished.Dequeue();
            }
        }
    }

    public IRenderable Render()
    {
        lock (_lock)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("node").AddColumn("doing").AddColumn("for");
            foreach (var (id, (phase, since)) in _inFlight.OrderBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(id), Markup.Escape(phase), $"{(DateTime.UtcNow - since).TotalSeconds:0} s");
            }

            var best = _best is null ? "-" : $"node {_best.Id}: {_best.Score:P0}";
            var header = new Markup($"[bold]{Markup.Escape(_iteration)}[/]  best {Markup.Escape(best)}  cost ${_cost():0.##}  in flight {_inFlight.Count}");
            var recent = new Rows(_finished.Select(line => new Markup("[grey]" + Markup.Escape(line) + "[/]")));
            return new Rows(header, table, recent);
        }
    }
}
