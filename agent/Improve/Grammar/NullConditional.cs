namespace Dgm.Agent.Improve.Grammar;

/// <summary>Grammar entry: `x!` that can be null, read with `?.` and a default (null handling).</summary>
internal static class NullConditional
{
    public static OperatorTemplate Entry { get; } = new(
        Name: "null-conditional",
        Cause: "null handling: a value asserted non-null with `!` is null for some inputs",
        Evidence: ["null", "NullReferenceException", "KeyNotFoundException", "missing", "empty string", "empty list", "unknown", "no entry"],
        Parameters:
        [
            new("DEFAULTS", ["\"\"", "[]", "0", "false", "default"], Subset: true, Quoted: true),
            new("NULLABLE_BOOLS", ["true", "false"]),
        ],
        Source: """
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.CSharp;
            using Microsoft.CodeAnalysis.CSharp.Syntax;
            using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

            namespace {{Namespace}};

            /// <summary>Learned from the grammar (null-conditional): a value asserted non-null with `!` that can be null, read safely.</summary>
            public static class {{Class}}
            {
                private static readonly string[] Defaults = [{{DEFAULTS}}];

                private static readonly bool NullableBools = {{NULLABLE_BOOLS}};

                public static IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Apply(MemberDeclarationSyntax member)
                {
                    foreach (var bang in member.DescendantNodes().OfType<PostfixUnaryExpressionSyntax>().Where(e => e.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
                    {
                        // The access chain that starts at `x!`: `x!.A(b).C` becomes `x?.A(b).C`.
                        SyntaxNode chain = bang;
                        while (chain.Parent is MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax && chain.Parent.ChildNodes().First() == chain)
                        {
                            chain = chain.Parent;
                        }

                        var text = chain.ToString();
                        var at = bang.OperatorToken.SpanStart - chain.SpanStart;
                        var safe = chain == bang ? bang.Operand.ToString() : text[..at] + "?" + text[(at + 1)..];
                        var rewrites = chain.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }
                            ? [safe]
                            : Defaults.Select(d => $"{safe} ?? {d}").Append($"{safe} == true").Prepend(safe).Skip(chain == bang ? 1 : 0);
                        foreach (var rewrite in rewrites)
                        {
                            var replacement = chain.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }
                                ? ParseExpression(rewrite)
                                : ParenthesizedExpression(ParseExpression(rewrite));
                            yield return (chain, replacement, $"'{text}' -> '{replacement}'");
                        }
                    }

                    // `x?.M() == false` is also false when x is null: compare with the other literal instead.
                    foreach (var compare in member.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => NullableBools && b.Left is ConditionalAccessExpressionSyntax && b.Right is LiteralExpressionSyntax { Token.Value: bool }))
                    {
                        var value = (bool)((LiteralExpressionSyntax)compare.Right).Token.Value!;
                        var replacement = ParseExpression($"{compare.Left} {(compare.IsKind(SyntaxKind.EqualsExpression) ? "!=" : "==")} {(value ? "false" : "true")}");
                        yield return (compare, replacement, $"'{compare}' -> '{replacement}'");
                    }
                }
            }
            """);
}
