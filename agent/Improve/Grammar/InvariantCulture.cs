namespace Dgm.Agent.Improve.Grammar;

/// <summary>Grammar entry: culture-sensitive formatting, parsing and casing made invariant (culture bugs).</summary>
internal static class InvariantCulture
{
    public static OperatorTemplate Entry { get; } = new(
        Name: "invariant-culture",
        Cause: "culture: text formatted or parsed with the machine's culture where a fixed format is expected",
        Evidence: ["culture", "CultureInfo", "locale", "regional", "decimal separator", "German", "French", "Turkish", "tr-TR", "de-DE", "fr-FR", "invariant"],
        Parameters:
        [
            new("WHOLE_TYPE", ["true", "false"]),
            new("TOSTRING_ARGUMENTS", ["0", "1"]),
        ],
        Source: """
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.CSharp.Syntax;
            using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

            namespace {{Namespace}};

            /// <summary>Learned from the grammar (invariant-culture): text that must not depend on the machine's culture.</summary>
            public static class {{Class}}
            {
                private static readonly bool WholeType = {{WHOLE_TYPE}};

                private static readonly int ToStringArguments = {{TOSTRING_ARGUMENTS}};

                private static readonly HashSet<string> Parsed = ["int", "long", "short", "byte", "float", "double", "decimal", "DateTime", "DateOnly", "TimeOnly", "TimeSpan", "DateTimeOffset"];

                public static IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Apply(MemberDeclarationSyntax member)
                {
                    var culture = member.SyntaxTree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString() == "System.Globalization")
                        ? "CultureInfo.InvariantCulture"
                        : "System.Globalization.CultureInfo.InvariantCulture";
                    var spots = member.DescendantNodes().Where(n => Rewrite(n, culture) is not null).ToList();
                    foreach (var spot in spots)
                    {
                        var replacement = Rewrite(spot, culture)!;
                        yield return (spot, replacement, $"'{spot}' -> '{replacement}'");
                    }

                    if (spots.Count > 1)
                    {
                        yield return (member, member.ReplaceNodes(spots, (_, changed) => Rewrite(changed, culture) ?? changed), $"{spots.Count} culture-sensitive spots in the member made invariant");
                    }

                    if (WholeType && member.Parent is TypeDeclarationSyntax type && type.DescendantNodes().Where(n => Rewrite(n, culture) is not null).ToList() is { Count: > 1 } all && all.Count > spots.Count)
                    {
                        yield return (type, type.ReplaceNodes(all, (_, changed) => Rewrite(changed, culture) ?? changed), $"{all.Count} culture-sensitive spots in {type.Identifier} made invariant");
                    }
                }

                /// <summary>The invariant form of a culture-sensitive expression, or null when the node is not one.</summary>
                private static ExpressionSyntax? Rewrite(SyntaxNode node, string culture)
                {
                    if (node is MemberAccessExpressionSyntax { Name.Identifier.Text: "CurrentCulture" or "CurrentUICulture" } current && current.Expression.ToString().EndsWith("CultureInfo", StringComparison.Ordinal))
                    {
                        return ParseExpression(culture);
                    }

                    if (node is MemberAccessExpressionSyntax { Name.Identifier.Text: "CurrentCulture" or "CurrentCultureIgnoreCase" } comparison && comparison.Expression.ToString() == "StringComparison")
                    {
                        return ParseExpression(comparison.Name.Identifier.Text == "CurrentCulture" ? "StringComparison.Ordinal" : "StringComparison.OrdinalIgnoreCase");
                    }

                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } invocation
                        || invocation.ArgumentList.Arguments.Any(a => a.ToString().Contains("Culture", StringComparison.Ordinal) || a.ToString().Contains("rovider", StringComparison.Ordinal)))
                    {
                        return null;
                    }

                    var count = invocation.ArgumentList.Arguments.Count;
                    return call.Name.Identifier.Text switch
                    {
                        "ToLower" or "ToUpper" when count == 0 => invocation.WithExpression(call.WithName(IdentifierName(call.Name.Identifier.Text + "Invariant"))),
                        "ToString" when count <= ToStringArguments => WithArgument(invocation, culture),
                        "Parse" when count <= 2 && Parsed.Contains(call.Expression.ToString()) => WithArgument(invocation, culture),
                        _ => null,
                    };
                }

                private static InvocationExpressionSyntax WithArgument(InvocationExpressionSyntax invocation, string argument) =>
                    invocation.WithArgumentList(ParseArgumentList($"({string.Join(", ", invocation.ArgumentList.Arguments.Select(a => a.ToString()).Append(argument))})"));
            }
            """);
}
