using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Agent.Repair;

/// <summary>
/// Repair operators: each rewrites one spot of a suspect member into a candidate. The list and its
/// order are the seed's repair strategy, and exactly what self-improvement is meant to change: an entry
/// is a name and a composition of the primitive rewrites in <see cref="Rewrites"/>.
/// </summary>
public static class Operators
{
    /// <summary>An operator proposes (description, replacement) pairs for nodes of a member.</summary>
    public delegate IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Operator(MemberDeclarationSyntax member);

    public static readonly IReadOnlyList<(string Name, Operator Apply)> All =
    [
        ("comparison", Rewrites.Binary(("<", "<="), ("<=", "<"), (">", ">="), (">=", ">"))),
        ("bound-by-one", Rewrites.Offset(1)),
        ("constant-by-one", Rewrites.Literal(1, -1)),
        ("equality", Rewrites.Binary(("==", "!="), ("!=", "=="))),
        ("logical", Rewrites.Binary(("&&", "||"), ("||", "&&"))),
        ("arithmetic", Rewrites.Binary(("+", "-"), ("-", "+"))),
        ("linq-method", Rewrites.Method(("OrderBy", "OrderByDescending"), ("OrderByDescending", "OrderBy"), ("ThenBy", "ThenByDescending"), ("ThenByDescending", "ThenBy"), ("First", "Last"), ("Last", "First"), ("FirstOrDefault", "LastOrDefault"), ("LastOrDefault", "FirstOrDefault"), ("Min", "Max"), ("Max", "Min"), ("Any", "All"), ("All", "Any"), ("Skip", "Take"), ("Take", "Skip"))),
        ("negate-condition", Rewrites.NegateIf()),
    ];

    public static IEnumerable<Candidate> Candidates(Suspect suspect)
    {
        var root = suspect.Tree.GetRoot();
        foreach (var (name, apply) in All)
        {
            foreach (var (node, replacement, description) in apply(suspect.Member))
            {
                var newRoot = root.ReplaceNode(node, replacement.WithTriviaFrom(node));
                var tree = suspect.Tree.WithRootAndOptions(newRoot, suspect.Tree.Options);
                yield return new Candidate(name, $"{suspect.Name}: {description}", suspect.Tree.FilePath, tree);
            }
        }
    }
}
