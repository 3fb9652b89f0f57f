using System.Text.Json;

namespace Dgm.Benchmarks.Tasks;

/// <summary>Reads task folders, checking everything a grader will need.</summary>
public static class TaskLoader
{
    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads one task folder; throws <see cref="TaskFormatException"/> naming the task and the fault.</summary>
    public static BenchTask Load(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var jsonPath = Path.Combine(folder, "task.json");
        if (!File.Exists(jsonPath))
        {
            throw TaskFormatException.Missing(name, "task.json");
        }

        TaskSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<TaskSpec>(File.ReadAllText(jsonPath), Options);
        }
        catch (JsonException e)
        {
            throw TaskFormatException.BadJson(name, e.Message);
        }

        if (spec is null)
        {
            throw TaskFormatException.BadJson(name, "the file holds null");
        }

        var task = new BenchTask(Path.GetFullPath(folder), spec);
        Check(name, task);
        return task;
    }

    private static void Check(string name, BenchTask task)
    {
        var spec = task.Spec;
        if (string.IsNullOrWhiteSpace(spec.InstanceId))
        {
            throw TaskFormatException.Invalid(name, "instance_id is empty");
        }

        if (spec.TestCommand.Count == 0)
        {
            throw TaskFormatException.Invalid(name, "test_command is empty");
        }

        if (spec.FailToPass.Count == 0)
        {
            throw TaskFormatException.Invalid(name, "FAIL_TO_PASS is empty: nothing would show the bug fixed");
        }

        if (spec.FailToPass.Concat(spec.PassToPass).FirstOrDefault(t => TestExclusions.Matches(spec.ExcludeTests, t)) is { } excluded)
        {
            throw TaskFormatException.Invalid(name, $"exclude_tests leaves out {excluded}, a FAIL_TO_PASS or PASS_TO_PASS test: a grade needs every one of them");
        }

        if (spec.TimeoutSeconds <= 0)
        {
            throw TaskFormatException.Invalid(name, "timeout_seconds must be positive");
        }

        if (spec.Tags.Split is not ("train" or "holdout"))
        {
            throw TaskFormatException.Invalid(name, $"tags.split is '{spec.Tags.Split}', expected train or holdout");
        }

        foreach (var (path, what) in new[] { (task.RepoDir, "repo/"), (task.HiddenDir, "hidden/") })
        {
            if (!Directory.Exists(path))
            {
                throw TaskFormatException.Missing(name, what);
            }
        }

        foreach (var (path, what) in new[] { (task.GoldPatchPath, "gold.patch"), (task.ProblemPath, spec.ProblemStatement) })
        {
            if (!File.Exists(path))
            {
                throw TaskFormatException.Missing(name, what);
            }
        }

        CheckKernels(name, task);
    }

    private static void CheckKernels(string name, BenchTask task)
    {
        var spec = task.Spec;
        if (spec.RequiresCuda && spec.Kernels.Count == 0)
        {
            throw TaskFormatException.Invalid(name, "it requires cuda but declares no kernels (\"kernels\": [{\"path\": ..., \"entries\": [...]}])");
        }

        foreach (var kernel in spec.Kernels)
        {
            if (string.IsNullOrWhiteSpace(kernel.Path) || kernel.Entries.Count == 0)
            {
                throw TaskFormatException.Invalid(name, "every kernels entry needs a path and at least one entry point");
            }

            var full = Path.GetFullPath(Path.Combine(task.RepoDir, kernel.Path));
            if (!full.StartsWith(Path.GetFullPath(task.RepoDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw TaskFormatException.Invalid(name, $"kernel path '{kernel.Path}' leaves repo/");
            }

            if (!File.Exists(full))
            {
                throw TaskFormatException.Missing(name, $"kernel source repo/{kernel.Path}");
            }
        }
    }
}

/// <summary>A task folder that cannot be used as it is.</summary>
public sealed class TaskFormatException : Exception
{
    public TaskFormatException()
    {
    }

    public TaskFormatException(string message)
        : base(message)
    {
    }

    public TaskFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static TaskFormatException Missing(string task, string what) =>
        new($"Task '{task}': {what} is missing.");

    internal static TaskFormatException BadJson(string task, string detail) =>
        new($"Task '{task}': task.json is not valid: {detail}");

    internal static TaskFormatException Invalid(string task, string detail) =>
        new($"Task '{task}': {detail}.");
}
