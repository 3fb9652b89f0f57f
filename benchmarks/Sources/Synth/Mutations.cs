using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dgm.Benchmarks.Sources.Synth;

/// <summary>
/// One injected bug: the text at [Start, Start + Length) of a library file replaced. <see cref="Member"/> is the
/// member it sits in ("Type.Member"), <see cref="Family"/> the mutation-testing family it belongs to.
/// </summary>
public sealed record Mutation(string File, int Start, int Length, string Replacement, string Family, string Member, int Line)
{
    public string Apply(string text) => text[..Start] + Replacement + text[(Start + Length)..];
}

/// <summary>
/// The mutation operators, over a syntax tree, with the families a mutation-testing tool uses: arithmetic,
/// relational, equality, logical, boolean and unary operators and their updates; constants and string
/// literals; LINQ and string method swaps; removed statements and guards, removed null checks; conditional
/// and null-coalescing expressions; exception types; culture-sensitive calls. Only code inside members is
/// mutated; every site is listed in file order, so the same text gives the same list.
/// </summary>
public static class Mutations
{
    /// <summary>The families whose bugs a small, classic repair operator fixes (one token back): difficulty "easy".</summary>
    public static readonly IReadOnlySet<string> ReferenceFamilies = new HashSet<string>(StringComparer.Ordinal) { "arithmetic", "relational", "equality", "logical", "boolean", "constant" };

    private static readonly Dictionary<SyntaxKind, string[]> BinarySwaps = new()
    {
        [SyntaxKind.PlusToken] = ["-"],
        [SyntaxKind.MinusToken] = ["+"],
        [SyntaxKind.AsteriskToken] = ["/", "+"],
        [SyntaxKind.SlashToken] = ["*"],
        [SyntaxKind.PercentToken] = ["/"],
        [SyntaxKind.LessThanToken] = ["<=", ">"],
        [SyntaxKind.LessThanEqualsToken] = ["<", ">="],
        [SyntaxKind.GreaterThanToken] = [">=", "<"],
        [SyntaxKind.GreaterThanEqualsToken] = [">", "<="],
        [SyntaxKind.EqualsEqualsToken] = ["!="],
        [SyntaxKind.ExclamationEqualsToken] = ["=="],
        [SyntaxKind.AmpersandAmpersandToken] = ["||"],
        [SyntaxKind.BarBarToken] = ["&&"],
        [SyntaxKind.PlusEqualsToken] = ["-="],
        [SyntaxKind.MinusEqualsToken] = ["+="],
    };

    private static readonly Dictionary<string, string> MethodSwaps = new(StringComparer.Ordinal)
    {
        ["First"] = "Last",
        ["Last"] = "First",
        ["FirstOrDefault"] = "LastOrDefault",
        ["LastOrDefault"] = "FirstOrDefault",
        ["Min"] = "Max",
        ["Max"] = "Min",
        ["MinBy"] = "MaxBy",
        ["MaxBy"] = "MinBy",
        ["Any"] = "All",
        ["All"] = "Any",
        ["Skip"] = "Take",
        ["Take"] = "Skip",
        ["OrderBy"] = "OrderByDescending",
        ["OrderByDescending"] = "OrderBy",
        ["ThenBy"] = "ThenByDescending",
        ["ThenByDescending"] = "ThenBy",
        ["StartsWith"] = "EndsWith",
        ["EndsWith"] = "StartsWith",
        ["ToUpper"] = "ToLower",
        ["ToLower"] = "ToUpper",
        ["ToUpperInvariant"] = "ToLowerInvariant",
        ["ToLowerInvariant"] = "ToUpperInvariant",
        ["TrimStart"] = "TrimEnd",
        ["TrimEnd"] = "TrimStart",
        ["PadLeft"] = "PadRight",
        ["PadRight"] = "PadLeft",
        ["IndexOf"] = "LastIndexOf",
        ["LastIndexOf"] = "IndexOf",
        ["Floor"] = "Ceiling",
        ["Ceiling"] = "Floor",
        ["SkipWhile"] = "TakeWhile",
        ["TakeWhile"] = "SkipWhile",
        ["Union"] = "Intersect",
        ["Intersect"] = "Union",
    };

    private static readonly Dictionary<string, string> ExceptionSwaps = new(StringComparer.Ordinal)
    {
        ["ArgumentException"] = "InvalidOperationException",
        ["ArgumentNullException"] = "ArgumentException",
        ["ArgumentOutOfRangeException"] = "ArgumentException",
        ["InvalidOperationException"] = "ArgumentException",
        ["KeyNotFoundException"] = "InvalidOperationException",
        ["FormatException"] = "ArgumentException",
        ["NotSupportedException"] = "InvalidOperationException",
        ["IndexOutOfRangeException"] = "ArgumentOutOfRangeException",
    };

    private static readonly Dictionary<string, string> CultureSwaps = new(StringComparer.Ordinal)
    {
        ["InvariantCulture"] = "CurrentCulture",
        ["Ordinal"] = "CurrentCulture",
        ["OrdinalIgnoreCase"] = "CurrentCultureIgnoreCase",
        ["InvariantCultureIgnoreCase"] = "CurrentCultureIgnoreCase",
    };

    /// <summary>Every mutation of one file (path relative to the repository), in text order.</summary>
    public static IReadOnlyList<Mutation> Find(string file, string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        var found = new List<Mutation>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (MemberOf(node) is not { } member)
            {
                continue;
            }

            void Add(TextSpan span, string replacement, string family) =>
                found.Add(new Mutation(file, span.Start, span.Length, replacement, family, member, tree.GetLineSpan(span).StartLinePosition.Line + 1));

            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    Add(binary.Span, binary.Left.ToString(), "null-coalescing");
                    break;
                case BinaryExpressionSyntax binary when BinarySwaps.TryGetValue(binary.OperatorToken.Kind(), out var swaps):
                    foreach (var swap in swaps)
                    {
                        Add(binary.OperatorToken.Span, swap, Family(binary.OperatorToken.Kind()));
                    }

                    break;
                case AssignmentExpressionSyntax assignment when BinarySwaps.TryGetValue(assignment.OperatorToken.Kind(), out var swaps):
                    Add(assignment.OperatorToken.Span, swaps[0], "update");
                    break;
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression) || unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    Add(unary.Span, unary.Operand.ToString(), "unary");
                    break;
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax when node.ChildTokens().FirstOrDefault(t => t.IsKind(SyntaxKind.PlusPlusToken) || t.IsKind(SyntaxKind.MinusMinusToken)) is { RawKind: not 0 } token:
                    Add(token.Span, token.IsKind(SyntaxKind.PlusPlusToken) ? "--" : "++", "update");
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression):
                    Add(literal.Span, literal.IsKind(SyntaxKind.TrueLiteralExpression) ? "false" : "true", "boolean");
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int number && literal.Token.Text.All(char.IsDigit):
                    Add(literal.Span, (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "constant");
                    if (number > 0)
                    {
                        Add(literal.Span, (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "constant");
                    }

                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length > 0 && literal.Parent is not AttributeArgumentSyntax:
                    Add(literal.Span, "\"\"", "string");
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when MethodSwaps.TryGetValue(access.Name.Identifier.ValueText, out var swap):
                    Add(access.Name.Identifier.Span, swap, "method-swap");
                    break;
                case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "CultureInfo" or "StringComparison" or "StringComparer" } } access when CultureSwaps.TryGetValue(access.Name.Identifier.ValueText, out var swap):
                    Add(access.Name.Identifier.Span, swap, "culture");
                    break;
                case ConditionalExpressionSyntax conditional:
                    Add(TextSpan.FromBounds(conditional.WhenTrue.SpanStart, conditional.WhenFalse.Span.End), $"{conditional.WhenFalse} : {conditional.WhenTrue}", "conditional");
                    break;
                case ConditionalAccessExpressionSyntax access:
                    Add(access.OperatorToken.Span, "", "null-check");
                    break;
                case ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax type } } when ExceptionSwaps.TryGetValue(type.Identifier.ValueText, out var swap):
                    Add(type.Span, swap, "exception-type");
                    break;
                case ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax type } } when ExceptionSwaps.TryGetValue(type.Identifier.ValueText, out var swap):
                    Add(type.Span, swap, "exception-type");
                    break;
                case IfStatementSyntax { Else: null } guard when guard.Parent is BlockSyntax && Exits(guard.Statement):
                    Add(guard.FullSpan, "", guard.Condition.ToString().Contains("null", StringComparison.Ordinal) ? "null-check" : "guard");
                    break;
                case ExpressionStatementSyntax statement when statement.Parent is BlockSyntax { Statements.Count: > 1 }:
                    Add(statement.FullSpan, "", "statement");
                    break;
            }
        }

        return found;
    }

    private static string Family(SyntaxKind kind) => kind switch
    {
        SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.AsteriskToken or SyntaxKind.SlashToken or SyntaxKind.PercentToken => "arithmetic",
        SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken => "equality",
        SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken => "logical",
        _ => "relational",
    };

    private static bool Exits(StatementSyntax statement) =>
        statement is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax
        || statement is BlockSyntax { Statements: [var only] } && Exits(only);

    /// <summary>"Type.Member" for code inside a method, constructor, operator, property or indexer body; null elsewhere (fields, attributes).</summary>
    private static string? MemberOf(SyntaxNode node)
    {
        var member = node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax);
        if (member is null || node.Ancestors().Any(a => a is AttributeListSyntax or ParameterListSyntax))
        {
            return null;
        }

        var name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            ConstructorDeclarationSyntax => "ctor",
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText,
            ConversionOperatorDeclarationSyntax c => "operator " + c.Type,
            _ => "this[]",
        };
        var type = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? "";
        return $"{type}.{name}";
    }
}
