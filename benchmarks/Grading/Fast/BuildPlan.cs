using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dgm.Benchmarks.Grading.Fast;

/// <summary>
/// How one project of a task is compiled, as MSBuild itself compiled it in the task's baseline build: the exact
/// compiler arguments (sandbox paths: the repository under /work, packages under /nuget, the SDK under
/// /usr/share/dotnet), in build order.
/// </summary>
/// <param name="Name">The project's file name without extension.</param>
/// <param name="ProjectDir">The project's folder, relative to the repository ('/' separators).</param>
/// <param name="AssemblyName">The compiled assembly's name.</param>
/// <param name="Arguments">The compiler's arguments, one per entry, as the Csc task passed them.</param>
/// <param name="DefaultItems">The project compiles exactly the `**/*.cs` under its folder (bin/ and obj/ and dot-folders excluded), so the sources of a patched tree are found the same way.</param>
public sealed record ProjectPlan(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("project_dir")] string ProjectDir,
    [property: JsonPropertyName("assembly_name")] string AssemblyName,
    [property: JsonPropertyName("arguments")] IReadOnlyList<string> Arguments,
    [property: JsonPropertyName("default_items")] bool DefaultItems);

/// <summary>
/// A task's prepared baseline build: how each project compiles, the test project's built output folder (the
/// runtime configuration, the dependency manifest, the framework's copy-local files), and, when the fast path
/// cannot reproduce the full build faithfully, why.
/// </summary>
public sealed record BuildPlan
{
    public const int FormatVersion = 3;

    [JsonPropertyName("format")]
    public int Format { get; init; } = FormatVersion;

    [JsonPropertyName("task")]
    public required string Task { get; init; }

    /// <summary>The hash of the task's repository, hidden tests and the SDK this plan was captured from.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>Library projects first, the test project last.</summary>
    [JsonPropertyName("projects")]
    public IReadOnlyList<ProjectPlan> Projects { get; init; } = [];

    /// <summary>The test project's output folder, relative to the repository: where `dotnet test` runs the test application.</summary>
    [JsonPropertyName("test_output_dir")]
    public string TestOutputDir { get; init; } = "";

    /// <summary>Why this task is always graded by the full path, or null when the fast path may grade it.</summary>
    [JsonPropertyName("full_only")]
    public string? FullOnly { get; init; }

    /// <summary>How many of the test output's third-party assemblies were precompiled (<see cref="Fast.ReadyToRun"/>).</summary>
    [JsonPropertyName("ready_to_run")]
    public int ReadyToRun { get; init; }

    [JsonPropertyName("captured_seconds")]
    public double CapturedSeconds { get; init; }

    /// <summary>The test project's plan (the last one).</summary>
    [JsonIgnore]
    public ProjectPlan? TestProject => Projects.Count == 0 ? null : Projects[^1];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a plan; null when the file is missing, garbled or of another format (it is captured again).</summary>
    public static BuildPlan? TryRead(string file)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<BuildPlan>(File.ReadAllText(file), Json);
            return plan is { Format: FormatVersion } ? plan : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
