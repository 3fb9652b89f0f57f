using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Agent.Improve;

/// <summary>
/// The agent's own source, edited with Roslyn: the declarations are found by name (not by path), the
/// edits are text replacements of the nodes found, every file written is remembered so the edit can be undone.
/// </summary>
public sealed class AgentSource(string root)
{
    private readonly Dictionary<string, string?> _originals = new(StringComparer.Ordinal);

    /// <summary>The files this edit changed or created, relative to the root.</summary>
    public IEnumerable<string> Changed => _originals.Keys.Select(p => Path.GetRelativePath(root, p));

    /// <summary>The names in Operators.All (or another owner's All list: Reproducers), in order.</summary>
    public IReadOnlyList<string> ListNames(string owner = "Operators") => [.. NamedList(owner).List.Elements.Select(NameOf)];

    private static string NameOf(CollectionElementSyntax element) => element.DescendantTokens().FirstOrDefault(t => t.IsKind(SyntaxKind.StringLiteralToken)).ValueText;

    /// <summary>
    /// Adds an entry made from a family to its owner's All list (Operators.All; Reproducers.All for a
    /// reproducer), first or last, as (name, call): the name is the family's, numbered when an entry has it
    /// already; returns the entry's name and the parameter values drawn.
    /// </summary>
    public (string Name, string Values) AddEntry(Family family, Random random, bool first)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(random);
        var (code, values) = family.Render(random);
        var name = FreeName(family.Owner, family.Name);
        AddEntry(family.Owner, name, code, first);
        return (name, values);
    }

    /// <summary>The name, or when the owner's list has it already, the name numbered from 2 ("null-conditional-2").</summary>
    public string FreeName(string owner, string name)
    {
        var taken = ListNames(owner).ToHashSet(StringComparer.Ordinal);
        return taken.Contains(name) ? Enumerable.Range(2, int.MaxValue - 2).Select(i => $"{name}-{i}").First(n => !taken.Contains(n)) : name;
    }

    /// <summary>Adds (name, code) to the owner's All list, first or last.</summary>
    public void AddEntry(string owner, string name, string code, bool first)
    {
        var (file, list) = NamedList(owner);
        var elements = list.Elements.Select(e => e.ToString()).ToList();
        elements.Insert(first ? 0 : elements.Count, $"({SymbolDisplay.FormatLiteral(name, quote: true)}, {code})");
        ReplaceList(file, list, elements);
    }

    /// <summary>Rewrites Operators.All in the given order of names (names not given keep their place at the end).</summary>
    public void OrderOperators(IReadOnlyList<string> names)
    {
        var (file, list) = NamedList("Operators");
        var rank = names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var elements = list.Elements.Zip(ListNames()).OrderBy(p => rank.GetValueOrDefault(p.Second, int.MaxValue)).Select(p => p.First.ToString());
        ReplaceList(file, list, [.. elements]);
    }

    /// <summary>The value of a numeric constant (a Localizer weight, say).</summary>
    public double Constant(string type, string name) =>
        double.Parse(ConstantValue(type, name).Value.ToString(), CultureInfo.InvariantCulture);

    public void SetConstant(string type, string name, double value)
    {
        var (file, literal) = ConstantValue(type, name);
        var integer = literal.Ancestors().OfType<FieldDeclarationSyntax>().FirstOrDefault()?.Declaration.Type.ToString() == "int";
        var text = integer ? ((int)Math.Round(value)).ToString(CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
        Write(file, Read(file).Remove(literal.SpanStart, literal.Span.Length).Insert(literal.SpanStart, text));
    }

    /// <summary>The default of a parameter of the RepairBudget record.</summary>
    public double Budget(string parameter) =>
        double.Parse(BudgetParameter(parameter).Parameter.Default!.Value.ToString(), CultureInfo.InvariantCulture);

    public void SetBudget(string parameter, double value)
    {
        var (file, found) = BudgetParameter(parameter);
        var literal = found.Default!.Value;
        var text = found.Type?.ToString() == "int" ? ((int)value).ToString(CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
        Write(file, Read(file).Remove(literal.SpanStart, literal.Span.Length).Insert(literal.SpanStart, text));
    }

    /// <summary>The syntax errors in the files this edit wrote.</summary>
    public IReadOnlyList<string> SyntaxErrors() =>
        [.. _originals.Keys.Where(File.Exists).SelectMany(f => CSharpSyntaxTree.ParseText(Read(f), path: f).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()))];

    /// <summary>Puts every file back as it was before this edit; files it created are deleted.</summary>
    public void Undo()
    {
        foreach (var (path, original) in _originals)
        {
            if (original is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllText(path, original);
            }
        }

        _originals.Clear();
    }

    /// <summary>The entries of an owner's All list: each name and the code after it (its composition of rewrites).</summary>
    public IReadOnlyList<(string Name, string Code)> Entries(string owner = "Operators") =>
        [.. NamedList(owner).List.Elements.Select(e => e is ExpressionElementSyntax { Expression: TupleExpressionSyntax { Arguments.Count: 2 } tuple }
            ? (tuple.Arguments[0].Expression is LiteralExpressionSyntax name ? name.Token.ValueText : "", tuple.Arguments[1].Expression.ToString())
            : ("", e.ToString()))];

    /// <summary>Replaces the code of the owner's entry with the given name.</summary>
    public void ReplaceEntry(string owner, string name, string code)
    {
        var (file, list) = NamedList(owner);
        var index = list.Elements.Select(NameOf).ToList().IndexOf(name);
        if (index < 0)
        {
            throw new InvalidOperationException($"no entry '{name}' in {owner}.All");
        }

        var elements = list.Elements.Select(e => e.ToString()).ToList();
        elements[index] = $"({SymbolDisplay.FormatLiteral(name, quote: true)}, {code})";
        ReplaceList(file, list, elements);
    }

    private (string File, CollectionExpressionSyntax List) NamedList(string owner)
    {
        Surface.Require($"{owner}.All");
        foreach (var (file, tree) in Trees())
        {
            var all = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text == owner)
                .SelectMany(c => c.Members.OfType<FieldDeclarationSyntax>()).SelectMany(f => f.Declaration.Variables).FirstOrDefault(v => v.Identifier.Text == "All");
            if (all?.Initializer?.Value is CollectionExpressionSyntax list)
            {
                return (file, list);
            }
        }

        throw new InvalidOperationException($"no '{owner}.All = [...]' list in the agent's source");
    }

    private (string File, ParameterSyntax Parameter) BudgetParameter(string name)
    {
        Surface.Require($"RepairBudget.{name}");
        foreach (var (file, tree) in Trees())
        {
            var found = tree.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>().Where(r => r.Identifier.Text == "RepairBudget")
                .SelectMany(r => r.ParameterList?.Parameters ?? []).FirstOrDefault(p => p.Identifier.Text == name && p.Default is not null);
            if (found is not null)
            {
                return (file, found);
            }
        }

        throw new InvalidOperationException($"no RepairBudget parameter '{name}' with a default in the agent's source");
    }

    private (string File, ExpressionSyntax Value) ConstantValue(string type, string name)
    {
        Surface.Require($"{type}.{name}");
        foreach (var (file, tree) in Trees())
        {
            var found = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Identifier.Text == type)
                .SelectMany(t => t.Members.OfType<FieldDeclarationSyntax>()).SelectMany(f => f.Declaration.Variables)
                .FirstOrDefault(v => v.Identifier.Text == name && v.Initializer?.Value is LiteralExpressionSyntax);
            if (found is not null)
            {
                return (file, found.Initializer!.Value);
            }
        }

        throw new InvalidOperationException($"no constant {type}.{name} in the agent's source");
    }

    private void ReplaceList(string file, CollectionExpressionSyntax list, IReadOnlyList<string> elements)
    {
        var line = list.SyntaxTree.GetText().Lines.GetLineFromPosition(list.SpanStart).ToString();
        var indent = line[..(line.Length - line.TrimStart().Length)];
        var text = $"[\n{string.Concat(elements.Select(e => $"{indent}    {e},\n"))}{indent}]";
        Write(file, Read(file).Remove(list.SpanStart, list.Span.Length).Insert(list.SpanStart, text));
    }

    private IEnumerable<(string File, SyntaxTree Tree)> Trees() =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, CSharpSyntaxTree.ParseText(Read(f), path: f)));

    private static string Read(string file) => File.ReadAllText(file);

    private void Write(string file, string text)
    {
        _originals.TryAdd(file, File.Exists(file) ? File.ReadAllText(file) : null);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }
}
