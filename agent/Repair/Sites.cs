using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Agent.Repair;

/// <summary>Where an edit is: predicates that narrow an operator to some sites (<see cref="Rewrites.Where"/>).</summary>
public static class Sites
{
    /// <summary>In the condition of an `if`, a loop, or a `?:`.</summary>
    public static bool InCondition(SyntaxNode node) => node.AncestorsAndSelf().Any(a => a.Parent switch
    {
        IfStatementSyntax s => s.Condition == a,
        WhileStatementSyntax s => s.Condition == a,
        DoStatementSyntax s => s.Condition == a,
        ForStatementSyntax s => s.Condition == a,
        ConditionalExpressionSyntax c => c.Condition == a,
        _ => false,
    });

    /// <summary>Inside a loop: its header or its body.</summary>
    public static bool InLoop(SyntaxNode node) => node.Ancestors().Any(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

    /// <summary>In what a member gives back: a return statement or an expression body.</summary>
    public static bool InReturn(SyntaxNode node) => node.AncestorsAndSelf().Any(a => a is ReturnStatementSyntax or ArrowExpressionClauseSyntax);

    /// <summary>Inside a lambda or an anonymous method.</summary>
    public static bool InLambda(SyntaxNode node) => node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax);

    /// <summary>Anywhere but where the predicate holds.</summary>
    public static Func<SyntaxNode, bool> Not(Func<SyntaxNode, bool> site) => node => !site(node);
}
