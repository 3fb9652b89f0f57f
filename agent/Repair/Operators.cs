using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dgm.Agent.Repair;

/// <summary>
/// Repair operators: each rewrites one spot of a suspect member into a candidate. The list and its
/// order are the seed's repair strategy, and exactly what self-improvement is meant to change.
/// </summary>
public static class Operators
{
    /// <summary>An operator proposes (description, replacement) pairs for nodes of a member.</summary>
    public delegate IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Operator(MemberDeclarationSyntax member);

    public static readonly IReadOnlyList<(string Name, Operator Apply)> All =
    [
        ("comparison", Comparison),
        ("bound-by-one", BoundByOne),
        ("constant-by-one", ConstantByOne),
        ("equality", Equality),
        ("logical", Logical),
        ("arithmetic", Arithmetic),
        ("linq-method", LinqMethod),
        ("negate-condition", NegateCondition),
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

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Swap(MemberDeclarationSyntax member, IReadOnlyDictionary<SyntaxKind, SyntaxKind[]> table)
    {
        foreach (var binary in member.DescendantNodes().OfType<BinaryExpressionSyntax>())
        {
            if (!table.TryGetValue(binary.Kind(), out var replacements))
            {
                continue;
            }

            foreach (var kind in replacements)
            {
                var token = Token(OperatorToken(kind)).WithTriviaFrom(binary.OperatorToken);
                yield return (binary, BinaryExpression(kind, binary.Left, token, binary.Right), $"'{binary}' -> '{binary.Left} {token.Text} {binary.Right}'");
            }
        }
    }

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Comparison(MemberDeclarationSyntax member) => Swap(member, new Dictionary<SyntaxKind, SyntaxKind[]>
    {
        [SyntaxKind.LessThanExpression] = [SyntaxKind.LessThanOrEqualExpression],
        [SyntaxKind.LessThanOrEqualExpression] = [SyntaxKind.LessThanExpression],
        [SyntaxKind.GreaterThanExpression] = [SyntaxKind.GreaterThanOrEqualExpression],
        [SyntaxKind.GreaterThanOrEqualExpression] = [SyntaxKind.GreaterThanExpression],
    });

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Equality(MemberDeclarationSyntax member) => Swap(member, new Dictionary<SyntaxKind, SyntaxKind[]>
    {
        [SyntaxKind.EqualsExpression] = [SyntaxKind.NotEqualsExpression],
        [SyntaxKind.NotEqualsExpression] = [SyntaxKind.EqualsExpression],
    });

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Logical(MemberDeclarationSyntax member) => Swap(member, new Dictionary<SyntaxKind, SyntaxKind[]>
    {
        [SyntaxKind.LogicalAndExpression] = [SyntaxKind.LogicalOrExpression],
        [SyntaxKind.LogicalOrExpression] = [SyntaxKind.LogicalAndExpression],
    });

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> Arithmetic(MemberDeclarationSyntax member) => Swap(member, new Dictionary<SyntaxKind, SyntaxKind[]>
    {
        [SyntaxKind.AddExpression] = [SyntaxKind.SubtractExpression],
        [SyntaxKind.SubtractExpression] = [SyntaxKind.AddExpression],
    });

    /// <summary>An integer literal one up or one down.</summary>
    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> ConstantByOne(MemberDeclarationSyntax member)
    {
        foreach (var literal in member.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.Token.Value is int))
        {
            var value = (int)literal.Token.Value!;
            foreach (var shifted in new[] { value + 1, value - 1 }.Where(v => v >= 0))
            {
                yield return (literal, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(shifted)), $"{value} -> {shifted}");
            }
        }
    }

    /// <summary>An arithmetic result (a bound, a count) with one added or taken away.</summary>
    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> BoundByOne(MemberDeclarationSyntax member)
    {
        foreach (var binary in member.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => b.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression && b.Parent is not BinaryExpressionSyntax))
        {
            foreach (var kind in new[] { SyntaxKind.AddExpression, SyntaxKind.SubtractExpression })
            {
                var token = Token(TriviaList(Space), OperatorToken(kind), TriviaList(Space));
                var shifted = BinaryExpression(kind, binary.WithoutTrivia(), token, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1)));
                yield return (binary, shifted, $"'{binary}' -> '{shifted}'");
            }
        }
    }

    private static readonly Dictionary<string, string> LinqPairs = new(StringComparer.Ordinal)
    {
        ["OrderBy"] = "OrderByDescending",
        ["OrderByDescending"] = "OrderBy",
        ["ThenBy"] = "ThenByDescending",
        ["ThenByDescending"] = "ThenBy",
        ["First"] = "Last",
        ["Last"] = "First",
        ["FirstOrDefault"] = "LastOrDefault",
        ["LastOrDefault"] = "FirstOrDefault",
        ["Min"] = "Max",
        ["Max"] = "Min",
        ["Any"] = "All",
        ["All"] = "Any",
        ["Skip"] = "Take",
        ["Take"] = "Skip",
    };

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> LinqMethod(MemberDeclarationSyntax member)
    {
        foreach (var access in member.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(a => a.Parent is InvocationExpressionSyntax))
        {
            if (LinqPairs.TryGetValue(access.Name.Identifier.Text, out var other))
            {
                yield return (access.Name, IdentifierName(other), $".{access.Name.Identifier.Text}( -> .{other}(");
            }
        }
    }

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> NegateCondition(MemberDeclarationSyntax member)
    {
        foreach (var statement in member.DescendantNodes().OfType<IfStatementSyntax>())
        {
            var negated = statement.Condition is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not
                ? not.Operand
                : PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ParenthesizedExpression(statement.Condition.WithoutTrivia()));
            yield return (statement.Condition, negated, $"if ({statement.Condition}) -> if ({negated})");
        }
    }

    private static SyntaxKind OperatorToken(SyntaxKind expression) => expression switch
    {
        SyntaxKind.LessThanExpression => SyntaxKind.LessThanToken,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.LessThanEqualsToken,
        SyntaxKind.GreaterThanExpression => SyntaxKind.GreaterThanToken,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.GreaterThanEqualsToken,
        SyntaxKind.EqualsExpression => SyntaxKind.EqualsEqualsToken,
        SyntaxKind.NotEqualsExpression => SyntaxKind.ExclamationEqualsToken,
        SyntaxKind.LogicalAndExpression => SyntaxKind.AmpersandAmpersandToken,
        SyntaxKind.LogicalOrExpression => SyntaxKind.BarBarToken,
        SyntaxKind.AddExpression => SyntaxKind.PlusToken,
        SyntaxKind.SubtractExpression => SyntaxKind.MinusToken,
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression, null),
    };
}
