namespace Dgm.Benchmarks.Tasks;

/// <summary>A named folder of tasks. Tasks that fail to load are kept as errors, never dropped silently.</summary>
public sealed record Suite(string Name, string Folder, IReadOnlyList<BenchTask> Tasks, IReadOnlyList<TaskLoadError> Errors)
{
    /// <summary>Where suites live: DGM_SUITES, else benchmarks/suites above the current folder or the program.</summary>
    public static string SuitesRoot()
    {
        if (Environment.GetEnvironmentVariable("DGM_SUITES") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "benchmarks", "suites");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("No benchmarks/suites folder found above the current folder; run from the repository or set DGM_SUITES.");
    }

    /// <summary>Loads a suite by name (a folder under the suites root) or by path.</summary>
    public static Suite Load(string nameOrPath)
    {
        var folder = Directory.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : Path.Combine(SuitesRoot(), nameOrPath);
        if (!Directory.Exists(folder))
        {
            var known = Directory.Exists(SuitesRoot()) ? string.Join(", ", Directory.GetDirectories(SuitesRoot()).Select(Path.GetFileName)) : "none";
            throw new DirectoryNotFoundException($"Unknown suite '{nameOrPath}'. Known suites: {known}.");
        }

        var tasks = new List<BenchTask>();
        var errors = new List<TaskLoadError>();
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            try
            {
                tasks.Add(TaskLoader.Load(dir));
            }
            catch (TaskFormatException e)
            {
                errors.Add(new TaskLoadError(Path.GetFileName(dir), e.Message));
            }
        }

        return new Suite(Path.GetFileName(folder), folder, tasks, errors);
    }

    public IEnumerable<BenchTask> Split(string split) => Tasks.Where(t => t.Spec.Tags.Split == split);
}

/// <summary>A task folder that did not load, and why.</summary>
public sealed record TaskLoadError(string Folder, string Message);
