using Dgm.Benchmarks.Internal;

namespace Dgm.Benchmarks.Sources;

/// <summary>A shallow clone of a repository the user can reach, for task sources given as a URL.</summary>
public static class GitClone
{
    /// <summary>Clones <paramref name="url"/> into <paramref name="folder"/>; null when it worked, else git's first error line.</summary>
    public static async Task<string?> RunAsync(string url, string folder, CancellationToken cancellationToken)
    {
        var result = await HostProcess.RunAsync("git", ["clone", "--quiet", "--depth", "1", url, folder], Path.GetTempPath(), cancellationToken, timeout: TimeSpan.FromMinutes(10));
        return result.Succeeded ? null : result.Stderr.Trim().Split('\n')[0];
    }
}
