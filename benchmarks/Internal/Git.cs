namespace Dgm.Benchmarks.Internal;

/// <summary>The few git operations grading needs, through the git command line.</summary>
internal static class Git
{
    private static readonly string[] Identity = ["-c", "user.name=dgm", "-c", "user.email=dgm@localhost", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"];

    /// <summary>Makes the folder a repository whose one commit is its current contents (for 3-way applies and diffs).</summary>
    public static async Task InitAsync(string repo, CancellationToken cancellationToken)
    {
        await RunAsync(repo, cancellationToken, "init", "-q");
        await RunAsync(repo, cancellationToken, "add", "-A");
        await RunAsync(repo, cancellationToken, "commit", "-q", "--no-verify", "-m", "base");
    }

    /// <summary>Changed paths against HEAD, and whether each exists in HEAD.</summary>
    public static async Task<IReadOnlyList<(string Path, bool Tracked)>> ChangedFilesAsync(string repo, CancellationToken cancellationToken)
    {
        var output = await RunAsync(repo, cancellationToken, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames");
        var changes = new List<(string, bool)>();
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Length > 3)
            {
                changes.Add((entry[3..], !entry.StartsWith("??", StringComparison.Ordinal) && !entry.StartsWith('A')));
            }
        }

        return changes;
    }

    private static async Task<string> RunAsync(string repo, CancellationToken cancellationToken, params string[] args)
    {
        var result = await HostProcess.RunAsync("git", Identity.Concat(args), repo, cancellationToken, timeout: TimeSpan.FromSeconds(60));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"git {args[0]} failed in {repo}: {result.Stderr.Trim()}");
        }

        return result.Stdout;
    }
}
