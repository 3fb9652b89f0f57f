using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dgm.Agent.Repair;

/// <summary>The larger rewrite families: null handling, culture, exception types, wrong variables, missing statements.</summary>
public static partial class Rewrites
{
    /// <summary>
    /// `x!` that can be null, read with `?.` and each default (`x?.A ?? ""`), or compared (`x?.A == true`); with
    /// <paramref name="nullableBools"/>, `x?.M() == false` (false when x is null too) compared with the other literal.
    /// </summary>
    public static Operators.Operator NullSafe(string[] defaults, bool nullableBools) => member => NullSafeEdits(member, defaults, nullableBools);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> NullSafeEdits(MemberDeclarationSyntax member, string[] defaults, bool nullableBools)
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
                : defaults.Select(d => $"{safe} ?? {d}").Append($"{safe} == true").Prepend(safe).Skip(chain == bang ? 1 : 0);
            foreach (var rewrite in rewrites)
            {
                var replacement = chain.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }
                    ? ParseExpression(rewrite)
                    : ParenthesizedExpression(ParseExpression(rewrite));
                yield return (chain, replacement, $"'{text}' -> '{replacement}'");
            }
        }

        foreach (var compare in member.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => nullableBools && b.Left is ConditionalAccessExpressionSyntax && b.Right is LiteralExpressionSyntax { Token.Value: bool }))
        {
            var value = (bool)((LiteralExpressionSyntax)compare.Right).Token.Value!;
            var replacement = ParseExpression($"{compare.Left} {(compare.IsKind(SyntaxKind.EqualsExpression) ? "!=" : "==")} {(value ? "false" : "true")}");
            yield return (compare, replacement, $"'{compare}' -> '{replacement}'");
        }
    }

    private static readonly HashSet<string> Parsed = ["int", "long", "short", "byte", "float", "double", "decimal", "DateTime", "DateOnly", "TimeOnly", "TimeSpan", "DateTimeOffset"];

    /// <summary>
    /// Culture-sensitive formatting, parsing, casing and comparison made invariant, one spot at a time, then the
    /// whole member; with <paramref name="wholeType"/>, the whole type. `ToString` calls with up to
    /// <paramref name="toStringArguments"/> arguments get the invariant culture.
    /// </summary>
    public static Operators.Operator Invariant(bool wholeType, int toStringArguments) => member => InvariantEdits(member, wholeType, toStringArguments);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> InvariantEdits(MemberDeclarationSyntax member, bool wholeType, int toStringArguments)
    {
        var culture = member.SyntaxTree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString() == "System.Globalization")
            ? "CultureInfo.InvariantCulture"
            : "System.Globalization.CultureInfo.InvariantCulture";
        ExpressionSyntax? Rewrite(SyntaxNode node) => InvariantForm(node, culture, toStringArguments);
        var spots = member.DescendantNodes().Where(n => Rewrite(n) is not null).ToList();
        foreach (var spot in spots)
        {
            var replacement = Rewrite(spot)!;
            yield return (spot, replacement, $"'{spot}' -> '{replacement}'");
        }

        if (spots.Count > 1)
        {
            yield return (member, member.ReplaceNodes(spots, (_, changed) => Rewrite(changed) ?? changed), $"{spots.Count} culture-sensitive spots in the member made invariant");
        }

        if (wholeType && member.Parent is TypeDeclarationSyntax type && type.DescendantNodes().Where(n => Rewrite(n) is not null).ToList() is { Count: > 1 } all && all.Count > spots.Count)
        {
            yield return (type, type.ReplaceNodes(all, (_, changed) => Rewrite(changed) ?? changed), $"{all.Count} culture-sensitive spots in {type.Identifier} made invariant");
        }
    }

    /// <summary>The invariant form of a culture-sensitive expression, or null when the node is not one.</summary>
    private static ExpressionSyntax? InvariantForm(SyntaxNode node, string culture, int toStringArguments)
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
            "ToString" when count <= toStringArguments => WithArgument(invocation, culture),
            "Parse" when count <= 2 && Parsed.Contains(call.Expression.ToString()) => WithArgument(invocation, culture),
            _ => null,
        };
    }

    private static InvocationExpressionSyntax WithArgument(InvocationExpressionSyntax invocation, string argument) =>
        invocation.WithArgumentList(ParseArgumentList($"({string.Join(", ", invocation.ArgumentList.Arguments.Select(a => a.ToString()).Append(argument))})"));

    /// <summary>
    /// A throw or a catch of another of the <paramref name="types"/> (a catch may widen to Exception); with
    /// <paramref name="wholeType"/>, one type thrown all over the class replaced everywhere at once.
    /// </summary>
    public static Operators.Operator Exceptions(string[] types, bool wholeType) => member => ExceptionEdits(member, types, wholeType);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> ExceptionEdits(MemberDeclarationSyntax member, string[] types, bool wholeType)
    {
        IEnumerable<ObjectCreationExpressionSyntax> Thrown(SyntaxNode scope) =>
            scope.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Where(o => o.Parent is ThrowStatementSyntax or ThrowExpressionSyntax && types.Contains(o.Type.ToString()));

        foreach (var thrown in Thrown(member))
        {
            foreach (var other in types.Where(t => t != thrown.Type.ToString()))
            {
                var replacement = Rethrown(thrown, other);
                yield return (thrown, replacement, $"'{thrown}' -> '{replacement}'");
            }
        }

        foreach (var caught in member.DescendantNodes().OfType<CatchDeclarationSyntax>().Where(c => types.Contains(c.Type.ToString()) || c.Type.ToString() == "Exception"))
        {
            // The base type first: code that must clean up after any failure catches Exception.
            foreach (var other in types.Prepend("Exception").Where(t => t != caught.Type.ToString()))
            {
                yield return (caught.Type, IdentifierName(other), $"catch ({caught.Type}) -> catch ({other})");
            }
        }

        // One type thrown all over the class where its documentation promises another.
        if (wholeType && member.Parent is TypeDeclarationSyntax type)
        {
            foreach (var group in Thrown(type).GroupBy(t => t.Type.ToString()).Where(g => g.Count() > 1 && Thrown(member).Any(t => t.Type.ToString() == g.Key)))
            {
                foreach (var other in types.Where(t => t != group.Key))
                {
                    yield return (type, type.ReplaceNodes(group, (_, changed) => Rethrown(changed, other)), $"every 'new {group.Key}' in {type.Identifier} -> 'new {other}'");
                }
            }
        }
    }

    /// <summary>The same failure as another type: message and parameter name kept, in that type's argument order.</summary>
    private static ObjectCreationExpressionSyntax Rethrown(ObjectCreationExpressionSyntax thrown, string type)
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

    /// <summary>
    /// A variable read where another one in scope was meant: each use swapped for the <paramref name="nearest"/>
    /// names declared closest before it (of the same type when both are written); with <paramref name="withMembers"/>,
    /// the type's fields and properties too.
    /// </summary>
    public static Operators.Operator SwapVariable(bool withMembers, int nearest) => member => SwapVariableEdits(member, withMembers, nearest);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> SwapVariableEdits(MemberDeclarationSyntax member, bool withMembers, int nearest)
    {
        var declared = Declarations(member, withMembers).ToList();
        foreach (var use in member.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => IsRead(i) && declared.Any(d => d.Name == i.Identifier.Text)))
        {
            var own = declared.First(d => d.Name == use.Identifier.Text);
            var others = declared
                .Where(d => d.Name != own.Name && d.Scope.Span.Contains(use.Span) && d.Start < use.SpanStart && (own.Type is null || d.Type is null || own.Type == d.Type))
                .DistinctBy(d => d.Name).OrderByDescending(d => d.Start).Take(nearest);
            foreach (var other in others)
            {
                yield return (use, IdentifierName(other.Name), $"'{use.Parent}': {own.Name} -> {other.Name}");
            }
        }
    }

    /// <summary>Parameters and locals of the member (and, if chosen, the fields and properties of its type), with their type when written.</summary>
    private static IEnumerable<(string Name, string? Type, SyntaxNode Scope, int Start)> Declarations(MemberDeclarationSyntax member, bool withMembers)
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

        if (withMembers && member.Parent is TypeDeclarationSyntax type)
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

    /// <summary>
    /// A statement on the type's state that a sibling member makes and this one lacks, added at the member's end
    /// (before a final return or throw), or with <paramref name="everyPosition"/> at every position; with
    /// <paramref name="flipSign"/>, the statement with its sign turned too (`-x` as `x`, `+=` as `-=`).
    /// </summary>
    public static Operators.Operator CopyStatement(bool flipSign, bool everyPosition) => member => CopyStatementEdits(member, flipSign, everyPosition);

    private static IEnumerable<(SyntaxNode, SyntaxNode, string)> CopyStatementEdits(MemberDeclarationSyntax member, bool flipSign, bool everyPosition)
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
            .SelectMany(s => flipSign ? new[] { s, Flipped(s) } : [s])
            .Select(s => s.WithoutTrivia()).DistinctBy(s => s.ToString()).Where(s => !present.Contains(s.ToString())).ToList();
        var statements = body.Statements;
        var end = statements.Count > 0 && statements[^1] is ReturnStatementSyntax or ThrowStatementSyntax ? statements.Count - 1 : statements.Count;
        foreach (var donor in donors)
        {
            foreach (var position in everyPosition ? Enumerable.Range(0, end + 1) : [end])
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
