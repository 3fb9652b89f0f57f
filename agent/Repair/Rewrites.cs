using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dgm.Agent.Repair;

/// <summary>
/// The primitive Roslyn rewrites repair operators are composed of (the space of a mutation-testing tool's
/// mutators and more). Each takes its parameters and gives an <see cref="Operators.Operator"/>; an entry of
/// Operators.All is one such call, or a combination (<see cref="Where"/>: only at some sites; <see cref="Pair"/>:
/// two edits at once), so what the agent learns is one readable line of its own code.
/// </summary>
public static partial class Rewrites
{
    /// <summary>Binary operators swapped, written as C# tokens: ("&lt;", "&lt;=") turns `a &lt; b` into `a &lt;= b`.</summary>
    public static Operators.Operator Binary(params (string From, string To)[] swaps)
    {
        var table = swaps.GroupBy(s => Expression(s.From).Expression).ToDictionary(g => g.Key, g => g.Select(s => Expression(s.To)).ToArray());
        return member => Swap(member, table);
    }

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Swap(MemberDeclarationSyntax member, Dictionary<SyntaxKind, (SyntaxKind Expression, SyntaxKind Token)[]> table)
    {
        foreach (var binary in member.DescendantNodes().OfType<BinaryExpressionSyntax>())
        {
            foreach (var (kind, operatorToken) in table.GetValueOrDefault(binary.Kind(), []))
            {
                var token = Token(operatorToken).WithTriviaFrom(binary.OperatorToken);
                yield return (binary, BinaryExpression(kind, binary.Left, token, binary.Right), $"'{binary}' -> '{binary.Left} {token.Text} {binary.Right}'");
            }
        }
    }

    /// <summary>Each integer literal shifted by each delta (never below zero): Literal(1, -1) tries n + 1 and n - 1.</summary>
    public static Operators.Operator Literal(params int[] deltas) => member => Shifted(member, deltas);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Shifted(MemberDeclarationSyntax member, int[] deltas)
    {
        foreach (var literal in member.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.Token.Value is int))
        {
            var value = (int)literal.Token.Value!;
            foreach (var shifted in deltas.Select(d => value + d).Where(v => v >= 0))
            {
                yield return (literal, LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(shifted)), $"{value} -> {shifted}");
            }
        }
    }

    /// <summary>An arithmetic result (a bound, a count: the outermost `+` or `-`) with the amount added, then taken away.</summary>
    public static Operators.Operator Offset(int amount) => member => Offsets(member, amount);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Offsets(MemberDeclarationSyntax member, int amount)
    {
        foreach (var binary in member.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => b.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression && b.Parent is not BinaryExpressionSyntax))
        {
            foreach (var (kind, operatorToken) in new[] { (SyntaxKind.AddExpression, SyntaxKind.PlusToken), (SyntaxKind.SubtractExpression, SyntaxKind.MinusToken) })
            {
                var token = Token(TriviaList(Space), operatorToken, TriviaList(Space));
                var shifted = BinaryExpression(kind, binary.WithoutTrivia(), token, LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(amount)));
                yield return (binary, shifted, $"'{binary}' -> '{shifted}'");
            }
        }
    }

    /// <summary>A called method's name swapped for another's: ("First", "Last") turns `.First(` into `.Last(`.</summary>
    public static Operators.Operator Method(params (string From, string To)[] pairs)
    {
        var table = pairs.GroupBy(p => p.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.To).ToArray(), StringComparer.Ordinal);
        return member => Renamed(member, table);
    }

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Renamed(MemberDeclarationSyntax member, Dictionary<string, string[]> table)
    {
        foreach (var access in member.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(a => a.Parent is InvocationExpressionSyntax))
        {
            foreach (var other in table.GetValueOrDefault(access.Name.Identifier.Text, []))
            {
                yield return (access.Name, IdentifierName(other), $".{access.Name.Identifier.Text}( -> .{other}(");
            }
        }
    }

    /// <summary>An `if` condition negated (or its `!` taken away).</summary>
    public static Operators.Operator NegateIf() => NegateIfs;

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> NegateIfs(MemberDeclarationSyntax member)
    {
        foreach (var statement in member.DescendantNodes().OfType<IfStatementSyntax>())
        {
            var negated = statement.Condition is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not
                ? not.Operand
                : PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ParenthesizedExpression(statement.Condition.WithoutTrivia()));
            yield return (statement.Condition, negated, $"if ({statement.Condition}) -> if ({negated})");
        }
    }

    /// <summary>A `true` or `false` literal turned into the other.</summary>
    public static Operators.Operator Flip() => member =>
        member.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.Token.Value is bool).Select(l =>
        {
            var other = (bool)l.Token.Value! ? "false" : "true";
            return ((SyntaxNode)l, (SyntaxNode)ParseExpression(other), $"{l} -> {other}");
        });

    /// <summary>A statement of the given kinds left out ("expression": a call or an assignment; "break", "continue", "return", "throw").</summary>
    public static Operators.Operator Remove(params string[] kinds) => member =>
        member.DescendantNodes().OfType<StatementSyntax>().Where(s => s.Parent is BlockSyntax && kinds.Contains(StatementKind(s), StringComparer.Ordinal)).Select(s =>
        {
            var block = (BlockSyntax)s.Parent!;
            return ((SyntaxNode)block, (SyntaxNode)block.WithStatements(block.Statements.Remove(s)), $"- '{s.WithoutTrivia()}'");
        });

    private static string StatementKind(StatementSyntax statement) => statement switch
    {
        ExpressionStatementSyntax => "expression",
        BreakStatementSyntax => "break",
        ContinueStatementSyntax => "continue",
        ReturnStatementSyntax => "return",
        ThrowStatementSyntax => "throw",
        _ => "other",
    };

    /// <summary>Two arguments of a call (or a constructor) trading places: `f(a, b)` becomes `f(b, a)`.</summary>
    public static Operators.Operator SwapArguments() => member =>
        member.DescendantNodes().OfType<ArgumentListSyntax>().Where(a => a.Arguments.Count >= 2).SelectMany(list =>
            from i in Enumerable.Range(0, list.Arguments.Count)
            from j in Enumerable.Range(i + 1, list.Arguments.Count - i - 1)
            let swapped = list.WithArguments(SeparatedList(list.Arguments.Select((a, k) => k == i ? list.Arguments[j].WithTriviaFrom(a) : k == j ? list.Arguments[i].WithTriviaFrom(a) : a), list.Arguments.GetSeparators()))
            select ((SyntaxNode)list, (SyntaxNode)swapped, $"'{list.Parent}': arguments {i + 1} and {j + 1} swapped"));

    /// <summary>Unary and compound operators turned: `++` and `--`, `+=` and `-=`, a `-x` or `!x` left as `x`.</summary>
    public static Operators.Operator Unary() => member =>
        member.DescendantNodes().Select(n => (Node: n, Turned: Turned(n))).Where(p => p.Turned is not null).Select(p => (p.Node, p.Turned!, $"'{p.Node}' -> '{p.Turned}'"));

    private static SyntaxNode? Turned(SyntaxNode node) => node switch
    {
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression } inc => PostfixUnaryExpression(SyntaxKind.PostDecrementExpression, inc.Operand),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostDecrementExpression } dec => PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, dec.Operand),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.LogicalNotExpression } prefix => prefix.Operand.WithTriviaFrom(prefix),
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } add => AssignmentExpression(SyntaxKind.SubtractAssignmentExpression, add.Left, Token(SyntaxKind.MinusEqualsToken).WithTriviaFrom(add.OperatorToken), add.Right),
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SubtractAssignmentExpression } sub => AssignmentExpression(SyntaxKind.AddAssignmentExpression, sub.Left, Token(SyntaxKind.PlusEqualsToken).WithTriviaFrom(sub.OperatorToken), sub.Right),
        ConditionalExpressionSyntax conditional => conditional.WithWhenTrue(conditional.WhenFalse.WithTriviaFrom(conditional.WhenTrue)).WithWhenFalse(conditional.WhenTrue.WithTriviaFrom(conditional.WhenFalse)),
        _ => null,
    };

    /// <summary>Only the operator's edits at sites the predicate accepts (see <see cref="Sites"/>).</summary>
    public static Operators.Operator Where(Operators.Operator op, Func<SyntaxNode, bool> site) => member => op(member).Where(e => site(e.Node));

    /// <summary>
    /// Two-site candidates: an edit of the first operator and one of the second at separate spots of the same
    /// member, applied together (at most <paramref name="max"/> pairs, the earliest edits first).
    /// </summary>
    public static Operators.Operator Pair(Operators.Operator first, Operators.Operator second, int max = 40) => member => Pairs(member, first, second, max);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Pairs(MemberDeclarationSyntax member, Operators.Operator first, Operators.Operator second, int max)
    {
        var others = second(member).ToList();
        var made = 0;
        foreach (var a in first(member))
        {
            foreach (var b in others.Where(b => !a.Node.Span.OverlapsWith(b.Node.Span) && !a.Node.Span.Contains(b.Node.Span) && !b.Node.Span.Contains(a.Node.Span)))
            {
                if (made++ >= max)
                {
                    yield break;
                }

                var both = member.ReplaceNodes([a.Node, b.Node], (original, _) => (original == a.Node ? a.Replacement : b.Replacement).WithTriviaFrom(original));
                yield return (member, both, $"{a.Description} and {b.Description}");
            }
        }
    }

    /// <summary>The binary expression a C# operator token makes, and the token ("&lt;" gives LessThanExpression, LessThanToken).</summary>
    private static (SyntaxKind Expression, SyntaxKind Token) Expression(string token) =>
        ParseExpression($"a {token} b") is BinaryExpressionSyntax binary && binary.OperatorToken.Text == token && !binary.ContainsDiagnostics
            ? (binary.Kind(), binary.OperatorToken.Kind())
            : throw new ArgumentException($"'{token}' is not a binary operator", nameof(token));
}
