using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Benchmarks.Control;

/// <summary>
/// Walks one C# file with its semantic model and reports every use the patch rules forbid: referenced symbols
/// by their fully qualified names (aliases, `using static` and `global::` resolve to the same names), string
/// literals, unsafe and native syntax, `dynamic`. Where a name does not resolve (a package the policy cannot
/// see), the written name is matched instead; inactive preprocessor text is read as written too.
/// </summary>
internal sealed class PolicyWalker(SemanticModel model, string path, IReadOnlySet<string> taskUsage) : CSharpSyntaxWalker(SyntaxWalkerDepth.StructuredTrivia)
{
    private static readonly string[] PathParameterNames = ["path", "fileName", "filename", "outputFileName", "inputUri", "uri", "sourceFileName", "destFileName", "destinationFileName", "directory", "dirName", "filePath"];
    private static readonly PolicyRule[] SymbolRules = [.. PolicyRules.Patch.Where(r => r.Symbols.Count > 0)];
    private static readonly PolicyRule[] LiteralRules = [.. PolicyRules.Patch.Where(r => r.Literals.Count > 0)];

    private readonly List<PolicyViolation> _found = [];

    public IReadOnlyList<PolicyViolation> Run()
    {
        Visit(model.SyntaxTree.GetRoot());
        return _found;
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        CheckName(node);
        base.VisitIdentifierName(node);
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        CheckName(node);
        base.VisitGenericName(node);
    }

    public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        CheckSymbol(node, model.GetSymbolInfo(node).Symbol);
        base.VisitObjectCreationExpression(node);
    }

    public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        CheckSymbol(node, model.GetSymbolInfo(node).Symbol);
        base.VisitImplicitObjectCreationExpression(node);
    }

    public override void VisitAttribute(AttributeSyntax node)
    {
        // Attributes by their written name too: [ModuleInitializer] must not slip by when its type does not resolve.
        var name = node.Name.ToString().Split('.')[^1].Replace("Attribute", "", StringComparison.Ordinal);
        if (model.GetSymbolInfo(node).Symbol is not null)
        {
            // Resolved: its constructor is checked by name like any other symbol.
        }
        else if (name is "ModuleInitializer")
        {
            Report(PolicyRules.ModuleInitializer, node, "[ModuleInitializer]");
        }
        else if (name is "DllImport" or "LibraryImport" or "UnmanagedCallersOnly")
        {
            Report(PolicyRules.NativeInterop, node, $"[{name}]");
        }
        else if (name is "UnsafeAccessor")
        {
            Report(PolicyRules.ReflectionInvoke, node, "[UnsafeAccessor]");
        }

        base.VisitAttribute(node);
    }

    public override void VisitLiteralExpression(LiteralExpressionSyntax node)
    {
        if (node.Token.Value is string text)
        {
            CheckText(node, text);
        }

        base.VisitLiteralExpression(node);
    }

    public override void VisitInterpolatedStringText(InterpolatedStringTextSyntax node)
    {
        CheckText(node, node.TextToken.ValueText);
        base.VisitInterpolatedStringText(node);
    }

    public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
    {
        Report(PolicyRules.UnsafeCode, node, "unsafe block");
        base.VisitUnsafeStatement(node);
    }

    public override void VisitFixedStatement(FixedStatementSyntax node)
    {
        Report(PolicyRules.UnsafeCode, node, "fixed statement");
        base.VisitFixedStatement(node);
    }

    public override void VisitPointerType(PointerTypeSyntax node)
    {
        Report(PolicyRules.UnsafeCode, node, "pointer type");
        base.VisitPointerType(node);
    }

    public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
    {
        Report(PolicyRules.NativeInterop, node, "function pointer");
        base.VisitFunctionPointerType(node);
    }

    public override void VisitToken(SyntaxToken token)
    {
        if (token.IsKind(SyntaxKind.UnsafeKeyword) && token.Parent is not UnsafeStatementSyntax)
        {
            Report(PolicyRules.UnsafeCode, token.Parent!, "unsafe modifier");
        }
        else if (token.IsKind(SyntaxKind.ExternKeyword) && token.Parent is not ExternAliasDirectiveSyntax)
        {
            Report(PolicyRules.NativeInterop, token.Parent!, "extern member");
        }

        base.VisitToken(token);
    }

    public override void VisitTrivia(SyntaxTrivia trivia)
    {
        // Code switched off by #if is not in the tree, but a build with other symbols would compile it.
        if (trivia.IsKind(SyntaxKind.DisabledTextTrivia))
        {
            var text = trivia.ToString();
            foreach (var rule in SymbolRules)
            {
                foreach (var symbol in rule.Symbols.Where(s => s != PolicyRules.PathParameter))
                {
                    var shortName = string.Join('.', symbol.Split('.').TakeLast(2));
                    if (text.Contains(shortName, StringComparison.Ordinal) && !rule.Except.Any(e => text.Contains(string.Join('.', e.Split('.').TakeLast(2)), StringComparison.Ordinal)))
                    {
                        Add(rule, trivia.GetLocation(), $"{shortName} in code disabled by #if");
                    }
                }
            }

            foreach (var rule in LiteralRules)
            {
                CheckFragments(rule, text, trivia.GetLocation());
            }
        }

        base.VisitTrivia(trivia);
    }

    private void CheckName(SimpleNameSyntax node)
    {
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is null)
        {
            CheckWrittenName(node);
            return;
        }

        // Namespaces do nothing by themselves; a type that qualifies a member access is judged by the member it leads to.
        if (symbol is INamespaceSymbol || (symbol is ITypeSymbol && IsQualifier(node)))
        {
            return;
        }

        if (symbol is IDynamicTypeSymbol || (symbol is ILocalSymbol { Type: IDynamicTypeSymbol }))
        {
            Report(PolicyRules.DynamicBinding, node, "dynamic");
            return;
        }

        CheckSymbol(node, symbol);
    }

    private static bool IsQualifier(SyntaxNode node) =>
        node.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == node,
            QualifiedNameSyntax qualified => qualified.Left == node,
            AliasQualifiedNameSyntax alias => alias.Alias == node,
            _ => false,
        };

    private void CheckSymbol(SyntaxNode node, ISymbol? symbol)
    {
        if (symbol is null)
        {
            return;
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension } reduced)
        {
            symbol = reduced.ReducedFrom ?? reduced;
        }

        var key = KeyOf(symbol.OriginalDefinition);
        foreach (var rule in SymbolRules)
        {
            if (rule.Symbols.Any(s => Matches(key, s)) && !rule.Except.Any(e => Matches(key, e)))
            {
                Report(rule, node, key);
                return;
            }
        }

        if (TakesAFilePath(symbol))
        {
            Report(PolicyRules.FileSystem, node, key);
        }
    }

    /// <summary>Framework members that open files by name (XDocument.Save(string), new StreamWriter(string), ...); System.IO.Path only computes names.</summary>
    private static bool TakesAFilePath(ISymbol symbol) =>
        symbol is IMethodSymbol { ContainingType: { } owner } method
        && method.Locations.All(l => l.IsInMetadata)
        && KeyOf(owner) != "System.IO.Path"
        && method.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_String && PathParameterNames.Contains(p.Name, StringComparer.Ordinal));

    private void CheckWrittenName(SimpleNameSyntax node)
    {
        // The written chain, such as "System.Environment.Exit" or "Environment.Exit", matched by its last two parts.
        if (IsQualifier(node))
        {
            return;
        }

        var chain = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access.ToString()
            : node.Parent is QualifiedNameSyntax qualified && qualified.Right == node ? qualified.ToString()
            : node.ToString();
        chain = chain.Replace("global::", "", StringComparison.Ordinal);
        foreach (var rule in SymbolRules)
        {
            foreach (var symbol in rule.Symbols.Where(s => s != PolicyRules.PathParameter))
            {
                var tail = string.Join('.', symbol.Split('.').TakeLast(2));
                if ((chain == tail || chain.EndsWith("." + tail, StringComparison.Ordinal)) && !rule.Except.Any(e => e.EndsWith(chain, StringComparison.Ordinal)))
                {
                    Report(rule, node, chain + " (unresolved)");
                    return;
                }
            }
        }
    }

    private void CheckText(SyntaxNode node, string text)
    {
        foreach (var rule in LiteralRules)
        {
            CheckFragments(rule, text, node.GetLocation());
        }
    }

    private void CheckFragments(PolicyRule rule, string text, Location location)
    {
        if (rule.Literals.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)) is { } fragment)
        {
            Add(rule, location, $"\"{fragment}\" in a string");
        }
    }

    private void Report(PolicyRule rule, SyntaxNode node, string detail) => Add(rule, node.GetLocation(), detail);

    private void Add(PolicyRule rule, Location location, string detail)
    {
        if (rule.AllowWhatTheTaskUses && taskUsage.Contains(detail))
        {
            return;
        }

        _found.Add(new PolicyViolation(rule.Id, path, location.GetLineSpan().StartLinePosition.Line + 1, detail));
    }

    private static bool Matches(string key, string pattern) =>
        key.Equals(pattern, StringComparison.Ordinal) || key.StartsWith(pattern + ".", StringComparison.Ordinal);

    /// <summary>"Namespace.Type.Member" with metadata names ("Expression`1"), constructors as ".#ctor".</summary>
    internal static string KeyOf(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => ns.ToDisplayString(),
        INamedTypeSymbol type => type.ContainingType is { } outer ? $"{KeyOf(outer)}.{type.MetadataName}"
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}" : type.MetadataName,
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ctor => $"{KeyOf(ctor.ContainingType)}.#ctor",
        _ when symbol.ContainingType is { } owner => $"{KeyOf(owner)}.{symbol.MetadataName}",
        _ => symbol.ToDisplayString(),
    };
}
