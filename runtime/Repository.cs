using System.Diagnostics;

namespace Dgm.Agent.Runtime;

/// <summary>The repository being worked on: a git baseline at the start, the diff of the work at the end.</summary>
public static class Repository
{
    /// <summary>Everything but build output (a repository handed over built has megabytes of it).</summary>
    private static readonly string[] Sources = ["--", ".", ":(exclude,glob)**/bin/**", ":(exclude,glob)**/obj/**", ":(exclude,glob)**/TestResults/**"];

    /// <summary>Makes sure the folder is a git repository with a commit (of its sources) to diff against.</summary>
    public static void EnsureBaseline(string repo)
    {
        if (!Directory.Exists(repo))
        {
            throw new DirectoryNotFoundException($"The repository folder '{repo}' does not exist.");
        }

        if (Git(repo, "rev-parse", "--verify", "HEAD").Code == 0)
        {
            return;
        }

        Check(Git(repo, "init", "-q"));

        // Build output is never work: ignored, so `git status` in a repository handed over built stays quiet too.
        if (Directory.Exists(Path.Combine(repo, ".git")))
        {
            Directory.CreateDirectory(Path.Combine(repo, ".git", "info"));
            File.AppendAllText(Path.Combine(repo, ".git", "info", "exclude"), "\nbin/\nobj/\nTestResults/\n");
        }

        Check(Git(repo, ["add", "-A", .. Sources]));
        Check(Git(repo, "commit", "-q", "--allow-empty", "-m", "baseline"));
    }

    /// <summary>The diff of everything changed since the baseline, new files included; build output excluded.</summary>
    public static string Diff(string repo)
    {
        Check(Git(repo, ["add", "-A", .. Sources]));
        var diff = Git(repo, "diff", "--cached", "HEAD");
        Check(diff);
        return diff.Output;
    }

    private static (int Code, string Output, string Error) Git(string repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.name=dgm-agent", "-c", "user.email=agent@dgm.local", "-c", "core.autocrlf=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static void Check((int Code, string Output, string Error) result)
    {
        if (result.Code != 0)
        {
            throw new InvalidOperationException($"git failed: {result.Error.Trim()}");
        }
    }
}
