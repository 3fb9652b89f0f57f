using Dgm.Agent.Improve.Grammar;

namespace Dgm.Agent.Improve;

/// <summary>
/// The grammar new repair operators are drawn from: one entry per family of Roslyn rewrites, each with
/// the words in a failure's problem statement that point at it. Add an entry to teach the agent a new family.
/// Reproducers are drawn from the same kind of template when no visible test fails.
/// </summary>
public static class OperatorGrammar
{
    public static IReadOnlyList<OperatorTemplate> Entries { get; } =
    [
        NullConditional.Entry,
        InvariantCulture.Entry,
        ExceptionType.Entry,
        SwapIdentifier.Entry,
        CopyStatement.Entry,
    ];

    /// <summary>Reproducers: ways to write a failing test from the problem statement when no visible test fails.</summary>
    public static IReadOnlyList<OperatorTemplate> Reproducers { get; } =
    [
        ProblemExamples.Entry,
    ];
}
