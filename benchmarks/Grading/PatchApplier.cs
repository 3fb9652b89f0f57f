using Dgm.Benchmarks.Internal;

namespace Dgm.Benchmarks.Grading;

/// <summary>How a patch went onto a repository.</summary>
/// <param name="Applied">Whether it applied.</param>
/// <param name="Method">"git apply", "git apply --3way" or "patch --fuzz" when applied.</param>
/// <param name="Error">Why not, in words a user can act on.</param>
public sealed record PatchOutcome(bool Applied, string? Method, string? Error)
{
    public static PatchOutcome Refused(string error) => new(false, null, error);
}

/// <summary>
/// Applies untrusted patches to a git working copy: git apply, then a 3-way merge, then GNU patch with fuzz.
/// Paths are checked first, so nothing lands outside the repository.
/// </summary>
public static class PatchApplier
{
    /// <summary>The paths a patch names in its headers (a/ and b/ prefixes removed).</summary>
    public static IReadOnlyList<string> PathsOf(string patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var paths = new List<string>();
        foreach (var raw in patch.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                var parts = line["diff --git ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                paths.AddRange(parts.Select(StripPrefix));
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line[4..].Split('\t')[0].Trim();
                if (path != "/dev/null")
                {
                    paths.Add(StripPrefix(path));
                }
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal) || line.StartsWith("rename to ", StringComparison.Ordinal)
                || line.StartsWith("copy from ", StringComparison.Ordinal) || line.StartsWith("copy to ", StringComparison.Ordinal))
            {
                paths.Add(line[(line.IndexOf(' ', line.IndexOf(' ', StringComparison.Ordinal) + 1) + 1)..].Trim());
            }
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Why a patch must not be applied at all, or null when it may be tried.</summary>
    public static string? Reject(string patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Contains('\0', StringComparison.Ordinal))
        {
            return "the patch holds binary data (NUL bytes); only text diffs are accepted";
        }

        if (patch.Contains("\nnew file mode 120000", StringComparison.Ordinal) || patch.Contains("\nnew mode 120000", StringComparison.Ordinal)
            || patch.Contains("GIT binary patch", StringComparison.Ordinal))
        {
            return "the patch creates a symbolic link or binary file, which is not accepted";
        }

        var paths = PathsOf(patch);
        if (paths.Count == 0)
        {
            return "no file headers found: this is not a unified diff";
        }

        var outside = paths.FirstOrDefault(p => !IsInside(p));
        return outside is null ? null : $"the patch reaches outside the repository ('{outside}')";
    }

    public static async Task<PatchOutcome> ApplyAsync(string repoDir, string patch, CancellationToken cancellationToken)
    {
        if (Reject(patch) is { } reason)
        {
            return PatchOutcome.Refused(reason);
        }

        var text = patch.EndsWith('\n') ? patch : patch + "\n";
        var file = Path.Combine(Path.GetTempPath(), $"dgm-{Guid.NewGuid():N}.patch");
        await File.WriteAllTextAsync(file, text, cancellationToken);
        try
        {
            var attempts = new (string Method, string Tool, string[] Args)[]
            {
                ("git apply", "git", ["apply", "--whitespace=nowarn", file]),
                ("git apply --3way", "git", ["apply", "--3way", "--whitespace=nowarn", file]),
                ("patch --fuzz", "patch", ["-p1", "--forward", "--batch", "--fuzz=3", "--no-backup-if-mismatch", "-r", "-", "-i", file]),
            };
            var errors = new List<string>();
            foreach (var (method, tool, args) in attempts)
            {
                var result = await HostProcess.RunAsync(tool, args, repoDir, cancellationToken, timeout: TimeSpan.FromSeconds(60));
                if (result.Succeeded)
                {
                    return new PatchOutcome(true, method, null);
                }

                errors.Add($"{method}: {FirstLines(result.Stderr + result.Stdout)}");
                await HostProcess.RunAsync("git", ["checkout", "--", "."], repoDir, cancellationToken);
                await HostProcess.RunAsync("git", ["clean", "-fdq"], repoDir, cancellationToken);
            }

            return PatchOutcome.Refused("the patch does not apply: " + string.Join("; ", errors));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string StripPrefix(string path) =>
        path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;

    private static bool IsInside(string path)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.StartsWith('~') || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path.Split('/');
        return !segments.Any(s => s is "..") && !segments[0].Equals(".git", StringComparison.Ordinal)
            && !segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
}
