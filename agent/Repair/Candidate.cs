using Microsoft.CodeAnalysis;

namespace Dgm.Agent.Repair;

/// <summary>One proposed edit: the operator that made it, and the file's new syntax tree.</summary>
public sealed record Candidate(string Operator, string Description, string FilePath, SyntaxTree NewTree);

/// <summary>What validating a candidate found.</summary>
public sealed record Verdict(bool Compiled, bool Passed, bool TimedOut, bool Crashed, IReadOnlyList<string> Failures, TimeSpan Duration);
