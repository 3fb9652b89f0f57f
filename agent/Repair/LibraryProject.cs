using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dgm.Agent.Repair;

/// <summary>A non-test project of the repository: its sources as syntax trees, ready to compile in memory.</summary>
public sealed record LibraryProject(string Folder, string AssemblyName, IReadOnlyList<SyntaxTree> Trees, IReadOnlyList<string> ExtraReferences)
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>Every built project that is not a test project (tests live under a tests/ folder or reference a test framework).</summary>
    public static IReadOnlyList<LibraryProject> Find(string repo)
    {
        var projects = new List<LibraryProject>();
        foreach (var csproj in Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repo, csproj).Replace('\\', '/');
            var text = File.ReadAllText(csproj);
            if (relative.Split('/').Any(s => s.Equals("tests", StringComparison.OrdinalIgnoreCase) || s.Equals("test", StringComparison.OrdinalIgnoreCase))
                || text.Contains("MSTest", StringComparison.Ordinal) || text.Contains("xunit", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(csproj)!;
            var name = XDocument.Parse(text).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(csproj);
            var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj"))
                .ToList();

            // The implicit global usings and the assembly's attributes (its version: a test application run as it is
            // binds the candidate only at the version it was built against) the SDK generated at build time.
            sources.AddRange(Directory.Exists(Path.Combine(folder, "obj"))
                ? new[] { "*.GlobalUsings.g.cs", $"{name}.AssemblyInfo.cs" }.SelectMany(p => Directory.EnumerateFiles(Path.Combine(folder, "obj"), p, SearchOption.AllDirectories).Take(1))
                : []);
            var trees = sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, path: f)).ToList();
            var bin = Directory.Exists(Path.Combine(folder, "bin"))
                ? Directory.EnumerateFiles(Path.Combine(folder, "bin"), "*.dll", SearchOption.AllDirectories).Where(d => Path.GetFileNameWithoutExtension(d) != name).ToList()
                : [];
            projects.Add(new LibraryProject(folder, name, trees, bin));
        }

        return projects;
    }
}
