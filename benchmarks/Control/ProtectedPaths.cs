using System.Xml.Linq;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Benchmarks.Control;

/// <summary>
/// Which paths a candidate patch may not change: tests, test projects, every MSBuild file and every file a
/// project imports, and the files that decide how builds and tests run. The discard step undoes a patch's
/// edits there before grading, so an agent cannot pass by rewriting the judge. Immutable; thread-safe.
/// </summary>
public sealed class ProtectedPaths
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "global.json", "nuget.config", "testconfig.json", ".gitignore", ".gitattributes", ".gitmodules",
        "runtimeconfig.template.json", "Directory.Packages.props", "packages.lock.json", "dotnet-tools.json",
        "xunit.runner.json", "testenvironments.json",
    };

    // MSBuild reads these whatever their folder: project files, imports, response files, solution files.
    private static readonly string[] Extensions =
    [
        ".csproj", ".fsproj", ".vbproj", ".proj", ".props", ".targets", ".tasks", ".rsp", ".sln", ".slnx", ".slnf",
        ".runsettings", ".nuspec",
    ];

    private static readonly string[] TestFrameworkMarkers =
    [
        "MSTest", "Microsoft.NET.Test.Sdk", "xunit", "NUnit", "IsTestProject", "EnableMSTestRunner", "TestingPlatform",
    ];

    private readonly HashSet<string> _hiddenFiles;
    private readonly HashSet<string> _protectedFiles;
    private readonly string[] _protectedFolders;
    private readonly Glob[] _allowed;

    private ProtectedPaths(IEnumerable<string> hidden, IEnumerable<string> files, IEnumerable<string> folders, IEnumerable<string> allowed)
    {
        _hiddenFiles = new HashSet<string>(hidden.Select(Normalize), StringComparer.Ordinal);
        _protectedFiles = new HashSet<string>(files.Select(Normalize), StringComparer.Ordinal);
        _protectedFolders = [.. folders.Select(Normalize).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
        _allowed = [.. allowed.Select(a => new Glob(a))];
    }

    /// <summary>The defaults alone (names, extensions and test folders), without any task's projects.</summary>
    public static ProtectedPaths Defaults { get; } = new([], [], [], []);

    /// <summary>
    /// The protection of one task: the defaults, the folders of its test projects (in repo/ or hidden/), every
    /// hidden file, every file its projects import, minus what task.json's control.allow_edits declares
    /// (never a test project or a hidden file).
    /// </summary>
    public static ProtectedPaths For(BenchTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var hidden = new List<string>();
        var files = new List<string>();
        var folders = new List<string>();
        foreach (var root in new[] { task.RepoDir, task.HiddenDir }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (root == task.HiddenDir)
                {
                    hidden.Add(relative);
                }

                if (IsMsBuildFile(relative))
                {
                    var text = SafeRead(file);
                    if (IsTestProject(relative, text))
                    {
                        folders.Add(Path.GetDirectoryName(relative) ?? "");
                    }

                    files.AddRange(ImportsOf(root, file, text));
                }
            }
        }

        return new ProtectedPaths(hidden, files, folders, task.Spec.Control.AllowEdits);
    }

    /// <summary>Whether a patch's edit of <paramref name="relativePath"/> (relative to the repository root) is discarded.</summary>
    public bool IsProtected(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = Normalize(relativePath);
        if (path.Length == 0)
        {
            return false;
        }

        // Test projects and hidden files are the judge: no declaration opens them.
        if (_hiddenFiles.Contains(path) || _protectedFolders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal)) || InTestFolder(path))
        {
            return true;
        }

        if (_protectedFiles.Contains(path) && !_allowed.Any(a => a.Matches(path)))
        {
            return true;
        }

        return IsProtectedByName(path) && !_allowed.Any(a => a.Matches(path));
    }

    /// <summary>Test folders by name, test files by name, build and configuration files by name or extension.</summary>
    private static bool IsProtectedByName(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return Names.Contains(name)
            || name.StartsWith("Directory.Build.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Directory.Solution.", StringComparison.OrdinalIgnoreCase)
            || Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || name.EndsWith("Tests.cs", StringComparison.Ordinal)
            || name.EndsWith("Test.cs", StringComparison.Ordinal);
    }

    private static bool InTestFolder(string path)
    {
        var segments = path.Split('/');
        return segments[..^1].Any(s => s.Equals("tests", StringComparison.OrdinalIgnoreCase)
            || s.Equals("test", StringComparison.OrdinalIgnoreCase)
            || s.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase)
            || s.EndsWith(".Test", StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsMsBuildFile(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || Path.GetFileName(path).StartsWith("Directory.Build.", StringComparison.OrdinalIgnoreCase);

    private static bool IsTestProject(string path, string text) =>
        path.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
        && TestFrameworkMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>Files an MSBuild file imports by a literal relative path (imports through properties are MSBuild files by extension already, or refused by the policy).</summary>
    private static IEnumerable<string> ImportsOf(string root, string file, string text)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            yield break;
        }

        foreach (var import in doc.Descendants().Where(e => e.Name.LocalName == "Import"))
        {
            var project = ((string?)import.Attribute("Project"))?.Trim();
            if (string.IsNullOrEmpty(project) || project.Contains("$(", StringComparison.Ordinal) || project.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, project.Replace('\\', '/')));
            var relative = Path.GetRelativePath(root, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal))
            {
                yield return relative;
            }
        }
    }

    private static string SafeRead(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/').Trim('/');
}
