namespace Dgm.Agent.Improve.Grammar;

/// <summary>Grammar entry: a throw or a catch of another exception type (wrong exceptions).</summary>
internal static class ExceptionType
{
    public static OperatorTemplate Entry { get; } = new(
        Name: "exception-type",
        Cause: "exceptions: a failure thrown (or caught) as the wrong exception type",
        Evidence: ["ArgumentException", "ArgumentOutOfRangeException", "ArgumentNullException", "InvalidOperationException", "FormatException", "exception type", "wrong exception", "rolled back", "catch"],
        Parameters:
        [
            new("TYPES", ["ArgumentException", "ArgumentOutOfRangeException", "ArgumentNullException", "InvalidOperationException", "FormatException", "KeyNotFoundException", "NotSupportedException"], Subset: true, Quoted: true),
            new("WHOLE_TYPE", ["true", "false"]),
        ],
        Source: """
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.CSharp.Syntax;
            using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

            namespace {{Namespace}};

            /// <summary>Learned from the grammar (exception-type): a throw or a catch of the wrong exception type.</summary>
            public static class {{Class}}
            {
                private static readonly bool WholeType = {{WHOLE_TYPE}};

                private static readonly string[] Types = [{{TYPES}}];

                public static IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Apply(MemberDeclarationSyntax member)
                {
                    foreach (var thrown in Thrown(member))
                    {
                        foreach (var other in Types.Where(t => t != thrown.Type.ToString()))
                        {
                            var replacement = Create(thrown, other);
                            yield return (thrown, replacement, $"'{thrown}' -> '{replacement}'");
                        }
                    }

                    foreach (var caught in member.DescendantNodes().OfType<CatchDeclarationSyntax>().Where(c => Types.Contains(c.Type.ToString()) || c.Type.ToString() == "Exception"))
                    {
                        // The base type first: code that must clean up after any failure catches Exception.
                        foreach (var other in Types.Prepend("Exception").Where(t => t != caught.Type.ToString()))
                        {
                            yield return (caught.Type, IdentifierName(other), $"catch ({caught.Type}) -> catch ({other})");
                        }
                    }

                    // One type thrown all over the class where its documentation promises another.
                    if (WholeType && member.Parent is TypeDeclarationSyntax type)
                    {
                        foreach (var group in Thrown(type).GroupBy(t => t.Type.ToString()).Where(g => g.Count() > 1 && Thrown(member).Any(t => t.Type.ToString() == g.Key)))
                        {
                            foreach (var other in Types.Where(t => t != group.Key))
                            {
                                yield return (type, type.ReplaceNodes(group, (_, changed) => Create(changed, other)), $"every 'new {group.Key}' in {type.Identifier} -> 'new {other}'");
                            }
                        }
                    }
                }

                private static IEnumerable<ObjectCreationExpressionSyntax> Thrown(SyntaxNode scope) =>
                    scope.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Where(o => o.Parent is ThrowStatementSyntax or ThrowExpressionSyntax && Types.Contains(o.Type.ToString()));

                /// <summary>The same failure as another type: message and parameter name kept, in that type's argument order.</summary>
                private static ObjectCreationExpressionSyntax Create(ObjectCreationExpressionSyntax thrown, string type)
                {
                    var args = thrown.ArgumentList?.Arguments.Select(a => a.ToString()).ToList() ?? [];
                    var (message, parameter) = thrown.Type.ToString() switch
                    {
                        "ArgumentOutOfRangeException" or "ArgumentNullException" => (args.Count > 1 ? args[^1] : null, args.FirstOrDefault()),
                        "ArgumentException" => (args.ElementAtOrDefault(0), args.ElementAtOrDefault(1)),
                        _ => (args.ElementAtOrDefault(0), null),
                    };
                    string?[] ordered = type switch
                    {
                        "ArgumentOutOfRangeException" or "ArgumentNullException" => [parameter ?? "null", message],
                        "ArgumentException" => [message, parameter],
                        _ => [message],
                    };
                    return thrown.WithType(IdentifierName(type).WithTriviaFrom(thrown.Type))
                        .WithArgumentList(ParseArgumentList($"({string.Join(", ", ordered.TakeWhile(a => a is not null))})"));
                }
            }
            """);
}
