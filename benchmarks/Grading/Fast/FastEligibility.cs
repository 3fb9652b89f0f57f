using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Benchmarks.Grading.Fast;

/// <summary>
/// Whether the fast path grades exactly as the full one would: for a task (its files, its compiler arguments:
/// checked once, when its plan is captured) and for a patch (the files it touched). Every "no" names the
/// reason, which the plan or the report carries.
/// </summary>
public static class FastEligibility
{
    private static readonly string[] BuildFileExtensions = [".cs", ".csproj", ".props", ".targets", ".sln", ".slnx"];

    /// <summary>Reasons in the task itself: declared, hardware, or files a build may copy or embed.</summary>
    public static string? ForTask(BenchTask task, string repo)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Spec.Control.FullOnly)
        {
            return "the task declares itself full-only (control.full_only)";
        }

        if (task.Spec.RequiresCuda)
        {
            return "the task runs CUDA kernels";
        }

        var other = Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repo, f).Replace('\\', '/'))
            .Where(f => f != "global.json" && !BuildFileExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return other.Count > 0
            ? $"the repository holds files other than C# sources and project files ({string.Join(", ", other.Take(3))}): a build may copy, embed or generate from them"
            : null;
    }

    /// <summary>Reasons in how the projects compile: what the fast compiler does not do.</summary>
    public static string? ForArguments(IReadOnlyList<ProjectPlan> projects, string output, string testAssembly)
    {
        ArgumentNullException.ThrowIfNull(projects);
        foreach (var project in projects)
        {
            foreach (var argument in project.Arguments)
            {
                if (argument is "/warnaserror+" or "/warnaserror" or "-warnaserror" or "-warnaserror+")
                {
                    return $"{project.Name} treats every warning as an error, and the fast path runs no analyzers";
                }

                if (argument.StartsWith("/resource:", StringComparison.Ordinal) || argument.StartsWith("/linkresource:", StringComparison.Ordinal) || argument.StartsWith("/win32", StringComparison.Ordinal))
                {
                    return $"{project.Name} embeds resources";
                }
            }
        }

        return File.Exists(Path.Combine(output, testAssembly + ".runtimeconfig.json")) && File.Exists(Path.Combine(output, testAssembly + ".deps.json"))
            ? null
            : "the test project is not a test application (Microsoft.Testing.Platform): no runtime configuration in its output";
    }


    /// <summary>Null when the fast path may grade it; otherwise why the full path must.</summary>
    public static string? Check(BuildPlan plan, IReadOnlyList<TreeChange> touched)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(touched);
        if (plan.FullOnly is { } reason)
        {
            return reason;
        }

        foreach (var change in touched)
        {
            if (change.Kind == ChangeKind.Link)
            {
                return $"the patch makes a link ({change.Path})";
            }

            if (!change.Path.EndsWith(".cs", StringComparison.Ordinal))
            {
                return $"the patch touches {change.Path}, which is not a C# source (a project file, a resource, data): only MSBuild knows what it does";
            }

            if (change.Kind is ChangeKind.Added or ChangeKind.Deleted && Owners(plan, change.Path).FirstOrDefault(p => !p.DefaultItems) is { } project)
            {
                return $"the patch {(change.Kind == ChangeKind.Added ? "adds" : "deletes")} {change.Path} in {project.Name}, which lists its sources explicitly";
            }
        }

        return null;
    }

    /// <summary>Every project whose folder holds <paramref name="path"/> (default items reach into nested folders).</summary>
    public static IEnumerable<ProjectPlan> Owners(BuildPlan plan, string path)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Projects.Where(p => p.ProjectDir.Length == 0 || path.StartsWith(p.ProjectDir + "/", StringComparison.Ordinal));
    }
}
