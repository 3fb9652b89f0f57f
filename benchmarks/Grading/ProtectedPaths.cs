namespace Dgm.Benchmarks.Grading;

/// <summary>
/// Which paths a candidate patch may not change: tests and the build files that decide how tests run.
/// Edits there are discarded before grading, so an agent cannot pass by rewriting the judge.
/// </summary>
public static class ProtectedPaths
{
    private static readonly HashSet<string> BuildFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "global.json", "nuget.config", "Directory.Build.props", "Directory.Build.targets",
        "Directory.Packages.props", "Directory.Build.rsp", "testconfig.json", ".runsettings",
    };

    public static bool IsProtected(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        var name = segments[^1];
        return BuildFiles.Contains(name)
            || name.EndsWith(".runsettings", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Tests.cs", StringComparison.Ordinal)
            || name.EndsWith("Test.cs", StringComparison.Ordinal)
            || segments[..^1].Any(s => s.Equals("tests", StringComparison.OrdinalIgnoreCase)
                || s.Equals("test", StringComparison.OrdinalIgnoreCase)
                || s.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase));
    }
}
