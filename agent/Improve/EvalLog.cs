using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dgm.Agent.Improve;

/// <summary>One evaluated task as the parent's logs tell it; what the logs lack is empty.</summary>
public sealed record TaskLog(string Task, string Split, string Status, bool Resolved, string StopReason, IReadOnlyList<string> FailedTests, IReadOnlyList<string> Notes, string Problem)
{
    /// <summary>Whose log it is: 0 the parent's, 1 its parent's, and so on up the lineage.</summary>
    public int Depth { get; init; }
}

/// <summary>
/// Reads the parent's evaluation logs: evals/summary.json and, per task, evals/TASK/{trajectory.json, problem.md}.
/// Anything missing or garbled is skipped with a note; reading never fails.
/// </summary>
public static class EvalLog
{
    public static IReadOnlyList<TaskLog> Read(string evals, Action<string> note)
    {
        if (!Directory.Exists(evals))
        {
            note($"evals: the folder '{evals}' does not exist");
            return [];
        }

        var entries = Json(Path.Combine(evals, "summary.json"), note)?["tasks"] as JsonArray ?? [];
        var logs = new List<TaskLog>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var task = Text(entry, "task");
            if (task.Length == 0)
            {
                note("evals: a summary entry without a task id is skipped");
                continue;
            }

            var folder = IsName(task) ? Path.Combine(evals, task) : null;
            var trajectory = folder is null ? null : Json(Path.Combine(folder, "trajectory.json"), note);
            var notes = (trajectory?["notes"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "").ToList();
            var failed = (entry["failed_tests"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0).ToList();
            var stop = Text(entry, "stop_reason") is { Length: > 0 } reason ? reason : Text(trajectory, "stop_reason");
            logs.Add(new TaskLog(task, Text(entry, "split"), Text(entry, "status"), entry["resolved"] is JsonValue r && r.TryGetValue<bool>(out var resolved) && resolved, stop, failed, notes, Problem(folder)));
        }

        note($"evals: {logs.Count} task(s) read from {Path.Combine(evals, "summary.json")}");
        return logs;
    }

    /// <summary>
    /// The ancestors' logs in the lineage folder (one evals folder per ancestor, named so that the nearest sorts
    /// first), up to <paramref name="reach"/> of them: each ancestor's tasks tagged with its depth (2 for the
    /// parent's parent). A missing folder is no ancestors.
    /// </summary>
    public static IReadOnlyList<TaskLog> ReadLineage(string? lineage, int reach, Action<string> note)
    {
        if (lineage is null || reach <= 0 || !Directory.Exists(lineage))
        {
            return [];
        }

        var folders = Directory.EnumerateDirectories(lineage).Order(StringComparer.Ordinal).Take(reach).ToList();
        return [.. folders.SelectMany((folder, index) => Read(folder, note).Select(log => log with { Depth = index + 1 }))];
    }

    private static JsonObject? Json(string path, Action<string> note)
    {
        if (!File.Exists(path))
        {
            note($"evals: {path} is missing");
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            note($"evals: {path} is skipped: {e.Message}");
            return null;
        }
    }

    private static string Text(JsonObject? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static string Problem(string? folder)
    {
        var path = folder is null ? null : Path.Combine(folder, "problem.md");
        try
        {
            return path is not null && File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>A task id usable as a folder name: one path segment, nothing that climbs out.</summary>
    private static bool IsName(string task) =>
        task is not ("." or "..") && task.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) < 0;
}
