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
/// directly, global.json puts `dotnet test` in the platform's mode (and an SDK it pins that is not installed here
/// rolls forward to one that is, as the test application does to an installed runtime), and a test project whose root namespace
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

        if (Property(project, "RollForward") is null && MissingRuntime(repo, path, project) is { } framework)
        {
            Group(project, "PropertyGroup").Add(new XElement(project.Name.Namespace + "RollForward", "Major"));
            changes.Add($"{testProject}: targets {framework}, whose runtime is not installed here ({string.Join(", ", Installed(Path.Combine("shared", "Microsoft.NETCore.App")))}): the test application rolls forward to a newer major version");
        }

        if (changes.Count > 0)
        {
            File.WriteAllText(path, document.ToString(SaveOptions.DisableFormatting) + "\n");
        }

        changes.AddRange(GlobalJson(repo));
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

    /// <summary>
    /// global.json made to work here: its test runner set to the platform (`dotnet test --project` needs it), and an
    /// SDK it pins that no SDK installed here satisfies (a repository of an older .NET) rolled forward to the newest
    /// installed one, or unpinned when it asks for a newer one than any here. What changed, one line each.
    /// </summary>
    private static List<string> GlobalJson(string repo)
    {
        var path = Path.Combine(repo, "global.json");
        var json = ReadGlobalJson(path);
        var changes = new List<string>();
        if (!(json["test"] is JsonObject test && (string?)test["runner"] == "Microsoft.Testing.Platform"))
        {
            json["test"] = new JsonObject { ["runner"] = "Microsoft.Testing.Platform" };
            changes.Add("global.json: dotnet test runs on Microsoft.Testing.Platform");
        }

        if (json["sdk"] is JsonObject sdk && (string?)sdk["version"] is { Length: > 0 } pinned)
        {
            var policy = (string?)sdk["rollForward"] ?? "latestPatch";
            var installed = Installed("sdk");
            if (!installed.Any(v => SdkSatisfies(pinned, policy, v)))
            {
                var here = installed.Count == 0 ? "none found" : string.Join(", ", installed);
                if (installed.Any(v => SdkSatisfies(pinned, "latestMajor", v)))
                {
                    sdk["rollForward"] = "latestMajor";
                    changes.Add($"global.json: pins the .NET SDK {pinned} (rollForward {policy}), which is not installed here ({here}): rolls forward to the newest installed SDK");
                }
                else
                {
                    sdk.Remove("version");
                    sdk.Remove("rollForward");
                    changes.Add($"global.json: pins the .NET SDK {pinned}, newer than any installed here ({here}): the pin is removed, the newest installed SDK builds it");
                }
            }
        }

        if (changes.Count > 0)
        {
            File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        return changes;
    }

    /// <summary>Sets global.json's SDK version (a repository's config names the SDK it builds with); what changed. <see cref="Prepare"/> then rolls it forward where it is not installed.</summary>
    public static string PinSdk(string repo, string version)
    {
        var path = Path.Combine(repo, "global.json");
        var json = ReadGlobalJson(path);
        json["sdk"] = json["sdk"] as JsonObject ?? [];
        json["sdk"]!["version"] = version;
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return $"global.json: the .NET SDK {version} (the import config's sdk)";
    }

    private static JsonObject ReadGlobalJson(string path)
    {
        try
        {
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? [] : [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"global.json is not valid JSON ({e.Message}); fix it or remove it before making tasks from this repository", e);
        }
    }

    /// <summary>Whether an installed SDK version satisfies global.json's pin under its roll-forward policy (the SDK's rules; previews as their release).</summary>
    public static bool SdkSatisfies(string pinned, string policy, string installed)
    {
        if (Numbers(pinned) is not { } want || Numbers(installed) is not { } have)
        {
            return false;
        }

        // x.y.znn: z is the feature band, nn the patch within it.
        var (wantBand, haveBand) = (want.Build / 100, have.Build / 100);
        return policy.ToLowerInvariant() switch
        {
            "disable" => have == want,
            "patch" or "latestpatch" => have.Major == want.Major && have.Minor == want.Minor && haveBand == wantBand && have.Build >= want.Build,
            "feature" or "latestfeature" => have.Major == want.Major && have.Minor == want.Minor && have.Build >= want.Build,
            "minor" or "latestminor" => have.Major == want.Major && have >= want,
            "major" or "latestmajor" => have >= want,
            _ => false,
        };
    }

    /// <summary>The versions installed under the host's .NET root (the one every sandbox mounts): "sdk" or "shared/Microsoft.NETCore.App".</summary>
    private static List<string> Installed(string folder)
    {
        var path = Path.Combine(Grading.GradingEnvironment.HostSdkDir(), folder);
        return Directory.Exists(path) ? [.. Directory.EnumerateDirectories(path).Select(Path.GetFileName).OfType<string>().Where(n => Numbers(n) is not null).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The first target framework of the test project (or a Directory.Build.props above it) whose .NET runtime no installed one serves (same major, minor at least), or null.</summary>
    private static string? MissingRuntime(string repo, string projectPath, XElement project)
    {
        var frameworks = Frameworks(project) ?? InheritedFramework(repo, projectPath);
        var runtimes = Installed(Path.Combine("shared", "Microsoft.NETCore.App")).Select(Numbers).OfType<Version>().ToList();
        foreach (var framework in (frameworks ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = System.Text.RegularExpressions.Regex.Match(framework, @"^net(?:coreapp)?(\d+)\.(\d+)");
            if (match.Success && runtimes.Count > 0)
            {
                var (major, minor) = (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                if (!runtimes.Any(r => r.Major == major && r.Minor >= minor))
                {
                    return framework;
                }
            }
        }

        return null;
    }

    /// <summary>The target framework(s) a Directory.Build.props between the project and the repository's root sets, nearest first.</summary>
    private static string? InheritedFramework(string repo, string projectPath)
    {
        var root = Path.GetFullPath(repo);
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(projectPath)); dir is not null && dir.StartsWith(root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
        {
            var props = Path.Combine(dir, "Directory.Build.props");
            if (File.Exists(props) && XDocument.Load(props).Root is { } element && Frameworks(element) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? Frameworks(XElement project) => Property(project, "TargetFrameworks") ?? Property(project, "TargetFramework");

    /// <summary>A version's numbers ("10.0.401", "8.0.100-rc.1.23455.8" as 8.0.100), or null.</summary>
    private static Version? Numbers(string text) =>
        Version.TryParse(text.Split('-', 2)[0], out var version) && version.Build >= 0 ? version : null;

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
