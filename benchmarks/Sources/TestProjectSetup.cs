using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Benchmarks.Sources;

/// <summary>
/// Makes a repository the project did not write gradeable, as a task's author would before the task exists
/// (the harness never edits a task's MSBuild files while grading): the test project gets the TRX report
/// extension the harness reads results from, an xUnit v3 project runs on Microsoft.Testing.Platform when started
/// directly, global.json puts `dotnet test` in the platform's mode, and a test project whose root namespace
/// would shadow a type of the global namespace gets another one. That last is the trap external code sets:
/// the platform's generated entry point and SelfRegisteredExtensions declare `namespace $(RootNamespace)`, and
/// a test project named like a global type (Bowling.csproj beside `class Bowling`) then fails to build
/// (CS0118, CS0234). The root namespace changes only there, since it also names embedded resources.
/// </summary>
public static class TestProjectSetup
{
    /// <summary>The TRX extension's version when a project lacks one (the one the platform version the suites use ships with).</summary>
    public const string TrxReportVersion = "2.5.2";

    /// <summary>Prepares <paramref name="testProject"/> (relative to <paramref name="repo"/>) in place; what it changed, one line each (empty: nothing to do).</summary>
    public static IReadOnlyList<string> Prepare(string repo, string testProject)
    {
        var path = Path.Combine(repo, testProject);
        var document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        var project = document.Root ?? throw new InvalidOperationException($"{testProject} is not an MSBuild project");
        var changes = new List<string>();
        var packages = project.Descendants().Where(e => e.Name.LocalName == "PackageReference").Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        if (!packages.Contains("Microsoft.Testing.Extensions.TrxReport", StringComparer.OrdinalIgnoreCase))
        {
            Group(project, "ItemGroup").Add(new XElement(project.Name.Namespace + "PackageReference", new XAttribute("Include", "Microsoft.Testing.Extensions.TrxReport"), new XAttribute("Version", TrxReportVersion)));
            changes.Add($"{testProject}: references Microsoft.Testing.Extensions.TrxReport {TrxReportVersion} (the harness reads TRX)");
        }

        if (packages.Any(p => p.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase)) && Property(project, "UseMicrosoftTestingPlatformRunner") is null)
        {
            Group(project, "PropertyGroup").Add(new XElement(project.Name.Namespace + "UseMicrosoftTestingPlatformRunner", "true"));
            changes.Add($"{testProject}: xUnit v3 runs on Microsoft.Testing.Platform when started directly");
        }

        var rootNamespace = Property(project, "RootNamespace") ?? DefaultRootNamespace(path);
        var shadowed = rootNamespace.Split('.')[0];
        if (GlobalTypes(repo).Contains(shadowed))
        {
            var renamed = $"DgmTests.{rootNamespace}";
            if (project.Descendants().FirstOrDefault(e => e.Name.LocalName == "RootNamespace") is { } existing)
            {
                existing.Value = renamed;
            }
            else
            {
                Group(project, "PropertyGroup").Add(new XElement(project.Name.Namespace + "RootNamespace", renamed));
            }

            changes.Add($"{testProject}: root namespace {rootNamespace} -> {renamed} (the generated test entry point would declare namespace {rootNamespace}, hiding the global type {shadowed})");
        }

        if (changes.Count > 0)
        {
            File.WriteAllText(path, document.ToString(SaveOptions.DisableFormatting) + "\n");
        }

        if (PlatformMode(repo) is { } globalJson)
        {
            changes.Add(globalJson);
        }

        return changes;
    }

    /// <summary>The names of the types the repository declares outside any namespace (bin, obj and .git left out).</summary>
    public static HashSet<string> GlobalTypes(string repo)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(repo, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(repo, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj" or ".git")))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetCompilationUnitRoot();
            if (root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().Any())
            {
                continue;
            }

            names.UnionWith(root.Members.OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText));
            names.UnionWith(root.Members.OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.ValueText));
        }

        return names;
    }

    /// <summary>MSBuild's default: the project's file name, characters an identifier cannot hold replaced by '_'.</summary>
    private static string DefaultRootNamespace(string projectPath) =>
        string.Join('.', Path.GetFileNameWithoutExtension(projectPath).Split('.').Select(part =>
            new string([.. part.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_')]) is var clean && clean.Length > 0 && char.IsDigit(clean[0]) ? "_" + clean : clean));

    /// <summary>global.json's test runner set to the platform (`dotnet test --project` needs it); what changed, or null.</summary>
    private static string? PlatformMode(string repo)
    {
        var path = Path.Combine(repo, "global.json");
        JsonObject json;
        try
        {
            json = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? [] : [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"global.json is not valid JSON ({e.Message}); fix it or remove it before making tasks from this repository", e);
        }

        if (json["test"] is JsonObject test && (string?)test["runner"] == "Microsoft.Testing.Platform")
        {
            return null;
        }

        json["test"] = new JsonObject { ["runner"] = "Microsoft.Testing.Platform" };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return "global.json: dotnet test runs on Microsoft.Testing.Platform";
    }

    private static string? Property(XElement project, string name) =>
        project.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static XElement Group(XElement project, string kind)
    {
        var group = project.Elements().FirstOrDefault(e => e.Name.LocalName == kind && !e.HasAttributes);
        if (group is null)
        {
            project.Add(group = new XElement(project.Name.Namespace + kind));
        }

        return group;
    }
}
