using System.Text.Json;

namespace Dgm.Evolution.Runs;

/// <summary>The evals contract's summary.json read back (for the model diagnosis); missing or garbled files read as no tasks.</summary>
public sealed record EvalSummary(IReadOnlyList<EvalSummary.TaskLine> Tasks)
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record TaskLine(string Task, string Status, bool Resolved, bool PatchExists, string? StopReason, IReadOnlyList<string> FailedTests);

    private sealed record File(IReadOnlyList<TaskLine>? Tasks);

    /// <summary>The lines of these tasks only (a run's train tasks: nothing else may reach a diagnosis).</summary>
    public EvalSummary Only(IReadOnlySet<string> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return new EvalSummary([.. Tasks.Where(t => tasks.Contains(t.Task))]);
    }

    public static EvalSummary Read(string evalsDir)
    {
        var path = Path.Combine(evalsDir, "summary.json");
        try
        {
            return new EvalSummary(System.IO.File.Exists(path) ? JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), SnakeCase)?.Tasks ?? [] : []);
        }
        catch (JsonException)
        {
            return new EvalSummary([]);
        }
    }
}
