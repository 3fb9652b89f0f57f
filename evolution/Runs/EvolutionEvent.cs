using Dgm.Archive;

namespace Dgm.Evolution.Runs;

/// <summary>What a run reports as it goes, for a live display or plain log lines.</summary>
public enum EvolutionEventKind
{
    Info,
    IterationStarted,
    NodeStarted,
    NodePhase,
    NodeFinished,
    TaskFinished,
}

/// <summary>One progress event. <see cref="Node"/> is set when a node finished.</summary>
public sealed record EvolutionEvent(EvolutionEventKind Kind, string Message, string? NodeId = null, int Iteration = 0, Node? Node = null);
