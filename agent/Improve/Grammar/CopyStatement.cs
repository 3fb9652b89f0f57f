namespace Dgm.Agent.Improve.Grammar;

/// <summary>Grammar entry: a statement on the type's state that a sibling member has and this one lacks (missing statements).</summary>
internal static class CopyStatement
{
    public static OperatorTemplate Entry { get; } = new(
        Name: "copy-statement",
        Cause: "missing statements: a member forgets an update of the object's state that its siblings make",
        Evidence: ["missing from", "does not list", "not removed", "still", "stays", "keeps", "keep showing", "forever", "never", "forgets", "no longer", "is gone"],
        Parameters:
        [
            new("FLIP_SIGN", ["true", "false"]),
            new("EVERY_POSITION", ["true", "false"]),
        ],
        Source: """
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.CSharp;
            using Microsoft.CodeAnalysis.CSharp.Syntax;
            using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

            namespace {{Namespace}};

            /// <summary>Learned from the grammar (copy-statement): a statement on the type's state that a sibling member makes and this one forgot.</summary>
            public static class {{Class}}
            {
                private static readonly bool FlipSign = {{FLIP_SIGN}};

                private static readonly bool EveryPosition = {{EVERY_POSITION}};

                public static IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Apply(MemberDeclarationSyntax member)
                {
                    if (member is not BaseMethodDeclarationSyntax { Body: { } body } || member.Parent is not TypeDeclarationSyntax type)
                    {
                        yield break;
                    }

                    var state = type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables.Select(v => v.Identifier.Text))
                        .Concat(type.Members.OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.Text)).ToHashSet(StringComparer.Ordinal);
                    var present = body.DescendantNodes().OfType<ExpressionStatementSyntax>().Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
                    var donors = type.Members.Where(m => m != member).SelectMany(m => m.DescendantNodes().OfType<ExpressionStatementSyntax>())
                        .Where(s => s.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => state.Contains(i.Identifier.Text)))
                        .SelectMany(s => FlipSign ? new[] { s, Flipped(s) } : [s])
                        .Select(s => s.WithoutTrivia()).DistinctBy(s => s.ToString()).Where(s => !present.Contains(s.ToString())).ToList();
                    var statements = body.Statements;
                    var end = statements.Count > 0 && statements[^1] is ReturnStatementSyntax or ThrowStatementSyntax ? statements.Count - 1 : statements.Count;
                    foreach (var donor in donors)
                    {
                        foreach (var position in EveryPosition ? Enumerable.Range(0, end + 1) : [end])
                        {
                            var neighbour = statements.Count == 0 ? null : statements[Math.Min(position, statements.Count - 1)];
                            var copy = donor.WithLeadingTrivia(neighbour?.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ?? []).WithTrailingTrivia(EndOfLine("\n"));
                            yield return (body, body.WithStatements(statements.Insert(position, copy)), $"+ '{donor}' at statement {position}");
                        }
                    }
                }

                /// <summary>The same statement with its sign turned: `-x` becomes `x`, `+=` and `-=` trade places.</summary>
                private static ExpressionStatementSyntax Flipped(ExpressionStatementSyntax statement) =>
                    statement.ReplaceNodes(
                        statement.DescendantNodes().Where(n => n.IsKind(SyntaxKind.UnaryMinusExpression) || n.IsKind(SyntaxKind.AddAssignmentExpression) || n.IsKind(SyntaxKind.SubtractAssignmentExpression)),
                        (_, changed) => changed switch
                        {
                            PrefixUnaryExpressionSyntax minus => minus.Operand,
                            AssignmentExpressionSyntax add when add.IsKind(SyntaxKind.AddAssignmentExpression) => AssignmentExpression(SyntaxKind.SubtractAssignmentExpression, add.Left, Token(SyntaxKind.MinusEqualsToken).WithTriviaFrom(add.OperatorToken), add.Right),
                            AssignmentExpressionSyntax subtract => AssignmentExpression(SyntaxKind.AddAssignmentExpression, subtract.Left, Token(SyntaxKind.PlusEqualsToken).WithTriviaFrom(subtract.OperatorToken), subtract.Right),
                            _ => changed,
                        });
            }
            """);
}
