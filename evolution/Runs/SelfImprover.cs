using System.Text.Json;
using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Sandbox;

namespace Dgm.Evolution.Runs;

/// <summary>What a self-improvement attempt produced: the child's source (a folder on the host) and what the agent said.</summary>
public sealed record ImproveResult(string Patch, string Trajectory, string? StopReason, Diagnosis? Diagnosis, string? ProblemStatement, CommandResult Run)
{
    /// <summary>What the copy of the child's source out of the sandbox cut or refused (the copy limits); empty when complete.</summary>
    public IReadOnlyList<string> CopyNotes { get; init; } = [];
}

/// <summary>
/// Runs the PARENT agent on its own source inside a sandbox (`Dgm.Agent improve`), with its evaluation
/// logs beside it, and copies out the edited source. The outer loop, the harness and the hidden tests
/// are never in that sandbox: only the parent's source, its build, its logs, its ancestors' (train tasks only)
/// and other agents' repair operators (one source file each).
/// </summary>
public sealed class SelfImprover(ISandboxFactory sandboxes, GradingEnvironment environment, string runId)
{
    public async Task<ImproveResult> ImproveAsync(
        string parentBuildDir, string parentSourceDir, string evalsDir, Func<string, IReadOnlyList<CopyIn>> context, string childSourceDir,
        string model, string? gatewayFolder, string? problem, int seed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = environment.SandboxSpec(runId);
        spec = spec with
        {
            Mounts =
            [
                .. spec.Mounts,
                new MountSpec(Path.GetFullPath(parentBuildDir), Evaluation.AgentEvaluator.AgentMount),
                .. gatewayFolder is null ? Array.Empty<MountSpec>() : [new MountSpec(gatewayFolder, Evaluation.AgentEvaluator.GatewayMount)],
            ],
        };
        await using var sandbox = await sandboxes.StartAsync(spec, cancellationToken);
        var work = sandbox.WorkDir;
        await sandbox.CopyInAsync(parentSourceDir, $"{work}/self", cancellationToken);
        Directory.CreateDirectory(evalsDir);
        await sandbox.CopyInAsync(evalsDir, $"{work}/evals", cancellationToken);

        // What the improver reads beyond the parent's own logs (given the sandbox's work folder): its ancestors'
        // logs (train tasks only) at lineage/, other agents' operators at archive/.
        if (context(work) is { Count: > 0 } copies)
        {
            await sandbox.CopyInAsync(copies, cancellationToken);
        }

        var endpoint = gatewayFolder is null ? "" : $" --endpoint unix:{Evaluation.AgentEvaluator.GatewayMount}/model.sock";
        var problemArgument = "";
        if (problem is not null)
        {
            var file = Path.GetTempFileName();
            try
            {
                await File.WriteAllTextAsync(file, problem, cancellationToken);
                await sandbox.CopyInAsync(file, $"{work}/problem.md", cancellationToken);
            }
            finally
            {
                File.Delete(file);
            }

            problemArgument = $" --problem {work}/problem.md";
        }

        var run = await sandbox.RunAsync(
            new CommandRequest(
                $"dotnet {Evaluation.AgentEvaluator.AgentMount}/Dgm.Agent.dll improve --self {work}/self --evals {work}/evals --lineage {work}/lineage --archive {work}/archive --out {work}/out.patch --log {work}/trajectory.json"
                + $" --model '{model.Replace("'", "", StringComparison.Ordinal)}' --seed {seed} --timeout {(int)timeout.TotalSeconds}{endpoint}{problemArgument}",
                timeout + TimeSpan.FromMinutes(1)),
            cancellationToken);
        var scratch = Directory.CreateTempSubdirectory("dgm-improve-").FullName;
        try
        {
            foreach (var name in new[] { "out.patch", "trajectory.json" })
            {
                if ((await sandbox.RunAsync(new CommandRequest($"test -f {work}/{name}", TimeSpan.FromSeconds(30)), cancellationToken)).ExitCode == 0)
                {
                    await sandbox.CopyOutAsync($"{work}/{name}", Path.Combine(scratch, name), cancellationToken);
                }
            }

            // The child's source is exactly what the parent left in its own folder (builds excluded).
            await sandbox.RunAsync(new CommandRequest($"cd {work}/self && rm -rf .git bin obj", TimeSpan.FromMinutes(1)), cancellationToken);
            var copy = await sandbox.CopyOutAsync($"{work}/self", childSourceDir, cancellationToken);
            var patch = await ReadAsync(Path.Combine(scratch, "out.patch"), cancellationToken);
            var trajectory = await ReadAsync(Path.Combine(scratch, "trajectory.json"), cancellationToken);
            var (stop, diagnosis, statement) = Parse(trajectory);
            return new ImproveResult(patch, trajectory, stop, diagnosis, statement, run) { CopyNotes = copy.Notes };
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";

    /// <summary>Reads the stop reason, the five diagnosis fields and the problem statement from a trajectory; garbage gives nulls.</summary>
    public static (string? Stop, Diagnosis? Diagnosis, string? Problem) Parse(string trajectory)
    {
        try
        {
            using var json = JsonDocument.Parse(trajectory);
            var root = json.RootElement;
            string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            Diagnosis? diagnosis = null;
            if (root.TryGetProperty("diagnosis", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                diagnosis = new Diagnosis(
                    Text(d, "log_summarization") ?? "",
                    Text(d, "potential_improvements") ?? "",
                    Text(d, "improvement_proposal") ?? "",
                    Text(d, "implementation_suggestion") ?? "",
                    Text(d, "problem_description") ?? "");
            }

            return (Text(root, "stop_reason"), diagnosis, Text(root, "problem_statement"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }
}
