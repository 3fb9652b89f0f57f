using Dgm.Agent.Improve.Grammar;

namespace Dgm.Agent.Improve;

/// <summary>
/// The grammar new repair operators are drawn from: one entry per family of Roslyn rewrites, each with
/// the words in a failure's problem statement that point at it. Add an entry to teach the agent a new family.
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
}
