namespace Dgm.Agent.Improve.Grammar;

/// <summary>Grammar entry: a variable read where another one in scope was meant (wrong variables).</summary>
internal static class SwapIdentifier
{
    public static OperatorTemplate Entry { get; } = new(
        Name: "swap-identifier",
        Cause: "wrong variables: a value read from a variable where another variable in scope was meant",
        Evidence: ["instead of", "wrong", "the other", "its own", "as if", "different", "longer", "too large", "too small"],
        Parameters:
        [
            new("WITH_MEMBERS", ["true", "false"]),
            new("NEAREST", ["3", "5", "int.MaxValue"]),
        ],
        Source: """
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.CSharp.Syntax;
            using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

            namespace {{Namespace}};

            /// <summary>Learned from the grammar (swap-identifier): a variable read where another one in scope was meant.</summary>
            public static class {{Class}}
            {
                private static readonly bool WithMembers = {{WITH_MEMBERS}};

                /// <summary>How many other names each use is swapped for, nearest declarations first.</summary>
                private static readonly int Nearest = {{NEAREST}};

                public static IEnumerable<(SyntaxNode Node, SyntaxNode Replacement, string Description)> Apply(MemberDeclarationSyntax member)
                {
                    var declared = Declarations(member).ToList();
                    foreach (var use in member.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => IsRead(i) && declared.Any(d => d.Name == i.Identifier.Text)))
                    {
                        var own = declared.First(d => d.Name == use.Identifier.Text);
                        var others = declared
                            .Where(d => d.Name != own.Name && d.Scope.Span.Contains(use.Span) && d.Start < use.SpanStart && (own.Type is null || d.Type is null || own.Type == d.Type))
                            .DistinctBy(d => d.Name).OrderByDescending(d => d.Start).Take(Nearest);
                        foreach (var other in others)
                        {
                            yield return (use, IdentifierName(other.Name), $"'{use.Parent}': {own.Name} -> {other.Name}");
                        }
                    }
                }

                /// <summary>Parameters and locals of the member (and, if chosen, the fields and properties of its type), with their type when written.</summary>
                private static IEnumerable<(string Name, string? Type, SyntaxNode Scope, int Start)> Declarations(MemberDeclarationSyntax member)
                {
                    foreach (var parameter in member.DescendantNodes().OfType<ParameterSyntax>())
                    {
                        yield return (parameter.Identifier.Text, parameter.Type?.ToString(), parameter.Parent?.Parent ?? member, parameter.SpanStart);
                    }

                    foreach (var variable in member.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                    {
                        var written = (variable.Parent as VariableDeclarationSyntax)?.Type.ToString();
                        yield return (variable.Identifier.Text, written == "var" ? null : written, Scope(variable), variable.SpanStart);
                    }

                    foreach (var loop in member.DescendantNodes().OfType<ForEachStatementSyntax>())
                    {
                        yield return (loop.Identifier.Text, loop.Type.ToString() == "var" ? null : loop.Type.ToString(), loop, loop.Identifier.SpanStart);
                    }

                    foreach (var designation in member.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
                    {
                        yield return (designation.Identifier.Text, null, Scope(designation), designation.SpanStart);
                    }

                    if (WithMembers && member.Parent is TypeDeclarationSyntax type)
                    {
                        foreach (var field in type.Members.OfType<FieldDeclarationSyntax>())
                        {
                            foreach (var variable in field.Declaration.Variables)
                            {
                                yield return (variable.Identifier.Text, field.Declaration.Type.ToString(), member, 0);
                            }
                        }

                        foreach (var property in type.Members.OfType<PropertyDeclarationSyntax>())
                        {
                            yield return (property.Identifier.Text, property.Type.ToString(), member, 0);
                        }
                    }
                }

                private static SyntaxNode Scope(SyntaxNode declaration) =>
                    declaration.Ancestors().First(a => a is BlockSyntax or ForStatementSyntax or SwitchSectionSyntax or AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax);

                /// <summary>A name read as a value: not the member part of `a.b`, a call's name, or an assignment's target.</summary>
                private static bool IsRead(IdentifierNameSyntax name) =>
                    !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                    && name.Parent is not (InvocationExpressionSyntax or NameColonSyntax or TypeArgumentListSyntax or QualifiedNameSyntax)
                    && !(name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name);
            }
            """);
}
