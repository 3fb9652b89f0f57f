using System.Text.RegularExpressions;
using Dgm.Agent.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Agent.Repair;

/// <summary>A member of the library that may hold the fault, and how strongly the evidence points at it.</summary>
public sealed record Suspect(MemberDeclarationSyntax Member, SyntaxTree Tree, string Name, double Score);

/// <summary>
/// Fault localization from the failing tests: library frames in their stack traces weigh most, then
/// library members the failing tests name, then members those call.
/// </summary>
public static partial class Localizer
{
    public const double StackFrameWeight = 3;
    public const double NamedByTestWeight = 1;
    public const double CalleeWeight = 0.3;

    /// <summary>Members the problem statement names (`Name(` or `Name` in backticks); the seed gives them nothing.</summary>
    public const double ProblemNameWeight = 0;

    public static IReadOnlyList<Suspect> Rank(LibraryProject library, IReadOnlyList<TestOutcome> failing, string repo, string problem = "")
    {
        var scores = new Dictionary<MemberDeclarationSyntax, (SyntaxTree Tree, double Score)>();
        void Add(MemberDeclarationSyntax member, SyntaxTree tree, double score) =>
            scores[member] = (tree, (scores.TryGetValue(member, out var known) ? known.Score : 0) + score);

        var members = library.Trees.SelectMany(t => t.GetRoot().DescendantNodes().Where(IsCode).Cast<MemberDeclarationSyntax>().Select(m => (Member: m, Tree: t))).ToList();
        foreach (var test in failing)
        {
            foreach (Match frame in Frame().Matches(test.StackTrace))
            {
                var path = frame.Groups["path"].Value.Trim();
                var line = int.Parse(frame.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
                foreach (var (member, tree) in members.Where(m => SamePath(m.Tree.FilePath, path)))
                {
                    var span = member.GetLocation().GetLineSpan();
                    if (span.StartLinePosition.Line <= line && line <= span.EndLinePosition.Line)
                    {
                        Add(member, tree, StackFrameWeight);
                    }
                }
            }
        }

        var named = NamesUsedBy(failing, repo);
        foreach (var (member, tree) in members.Where(m => named.Contains(NameOf(m.Member))))
        {
            Add(member, tree, NamedByTestWeight);
        }

        var mentioned = ProblemNameWeight == 0 ? [] : ProblemNames(problem);
        foreach (var (member, tree) in members.Where(m => mentioned.Contains(NameOf(m.Member))))
        {
            Add(member, tree, ProblemNameWeight);
        }

        foreach (var (member, (tree, score)) in scores.ToList())
        {
            var called = member.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text).ToHashSet(StringComparer.Ordinal);
            foreach (var (callee, calleeTree) in members.Where(m => m.Member != member && called.Contains(NameOf(m.Member))))
            {
                Add(callee, calleeTree, CalleeWeight * score);
            }
        }

        return [.. scores.Select(s => new Suspect(s.Key, s.Value.Tree, NameOf(s.Key), s.Value.Score)).OrderByDescending(s => s.Score)];
    }

    public static string NameOf(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        PropertyDeclarationSyntax p => p.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
        _ => member.Kind().ToString(),
    };

    private static bool IsCode(SyntaxNode node) =>
        node is MethodDeclarationSyntax or PropertyDeclarationSyntax or ConstructorDeclarationSyntax or IndexerDeclarationSyntax or OperatorDeclarationSyntax;

    /// <summary>Identifiers in the bodies of the failing test methods.</summary>
    private static HashSet<string> NamesUsedBy(IReadOnlyList<TestOutcome> failing, string repo)
    {
        var wanted = failing.Select(f => f.Name[(f.Name.LastIndexOf('.') + 1)..]).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var testFiles = Directory.EnumerateFiles(repo, "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').Contains("/tests/", StringComparison.OrdinalIgnoreCase) && !f.Contains("/obj/", StringComparison.Ordinal));
        foreach (var file in testFiles)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => wanted.Contains(m.Identifier.Text)))
            {
                names.UnionWith(method.DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.Text));
                names.UnionWith(method.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Select(o => o.Type.ToString().Split('<')[0]));
            }
        }

        return names;
    }

    private static HashSet<string> ProblemNames(string problem) =>
        [.. ProblemName().Matches(problem).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal) || a.EndsWith(Path.GetFileName(b), StringComparison.Ordinal) && b.EndsWith(Path.GetFileName(a), StringComparison.Ordinal);

    [GeneratedRegex(@"\b([A-Z]\w*)\(|`(?:\w+\.)*([A-Z]\w*)`")]
    private static partial Regex ProblemName();

    [GeneratedRegex(@" in (?<path>.+?\.cs):line (?<line>\d+)")]
    private static partial Regex Frame();
}
