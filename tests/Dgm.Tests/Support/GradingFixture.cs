using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Tests.Support;

/// <summary>A grader on the real Docker daemon, and the built-in task the grading tests use.</summary>
internal static class GradingFixture
{
    public static BenchTask DateRange => TaskLoader.Load(Path.Combine(Repo.Suites, "dgm-bugs", "date-range-inclusive-days"));

    public static async Task<Grader> GraderAsync()
    {
        var factory = await DockerFixture.FactoryAsync();
        await PackageCache.EnsureAsync([DateRange], PackageCache.DefaultFolder, CancellationToken.None);
        return new Grader(factory, new GradingEnvironment(GradingEnvironment.HostSdkDir(), PackageCache.DefaultFolder), "tests");
    }

    /// <summary>The gold patch with one more hunk, built from a file's text so it always applies.</summary>
    public static string Patch(string path, string oldLine, string newLine)
    {
        var lines = File.ReadAllLines(Path.Combine(DateRange.RepoDir, path));
        var index = Array.FindIndex(lines, l => l == oldLine);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{oldLine}' not found in {path}");
        }

        return $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -{index + 1} +{index + 1} @@\n-{oldLine}\n+{newLine}\n";
    }
}
