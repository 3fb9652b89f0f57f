using Dgm.Benchmarks.Grading;
using Dgm.Sandbox;

namespace Dgm.Evolution.Runs;

/// <summary>How building an agent's source went: the output folder on success, else the build log's tail.</summary>
public sealed record BuildResult(bool Succeeded, string Log, TimeSpan Duration);

/// <summary>
/// Builds an agent's source inside a sandbox (offline, packages from the read-only package folder) and
/// copies the build out, then precompiles the copies of package assemblies in it (<see cref="Benchmarks.Grading.Fast.ReadyToRun"/>:
/// a compiler, never running them). A descendant's source is untrusted: MSBuild runs its code, so never on the host.
/// The host's <see cref="AgentRuntime"/> (when given) goes beside the source, where the agent's project references it.
/// </summary>
public sealed class AgentBuilder(ISandboxFactory sandboxes, GradingEnvironment environment, string runId, string? runtime = null)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public async Task<BuildResult> BuildAsync(string sourceDir, string outputDir, CancellationToken cancellationToken)
    {
        // Builds are CPU-bound and a child's build gates everything after it: give it two CPUs.
        var spec = environment.SandboxSpec(runId) with { Limits = new ResourceLimits { Cpus = Math.Min(2, Environment.ProcessorCount) } };
        await using var sandbox = await sandboxes.StartAsync(spec, cancellationToken);
        var work = sandbox.WorkDir;
        await sandbox.CopyInAsync(sourceDir, $"{work}/src", cancellationToken);
        if (runtime is not null)
        {
            await sandbox.CopyInAsync(runtime, $"{work}/{AgentRuntime.FolderName}", cancellationToken);
        }

        var result = await sandbox.RunAsync(
            new CommandRequest($"cd {work}/src && rm -rf bin obj ../{AgentRuntime.FolderName}/bin ../{AgentRuntime.FolderName}/obj && dotnet build -c Release -o {work}/out -nologo -clp:ErrorsOnly -p:NuGetAudit=false 2>&1", Timeout),
            cancellationToken);
        var log = result.Stdout + result.Stderr;
        if (result.TimedOut)
        {
            return new BuildResult(false, $"the build timed out after {Timeout.TotalMinutes:0} minutes\n{Tail(log)}", result.Duration);
        }

        if (result.ExitCode != 0)
        {
            return new BuildResult(false, Tail(log), result.Duration);
        }

        if ((await sandbox.RunAsync(new CommandRequest($"test -f {work}/out/Dgm.Agent.dll", TimeSpan.FromSeconds(30)), cancellationToken)).ExitCode != 0)
        {
            return new BuildResult(false, "the build succeeded but produced no Dgm.Agent.dll (the harness runs that entry point)", result.Duration);
        }

        if (Directory.Exists(outputDir))
        {
            Directory.Delete(outputDir, recursive: true);
        }

        var copy = await sandbox.CopyOutAsync($"{work}/out", outputDir, cancellationToken);
        if (!copy.Complete)
        {
            return new BuildResult(false, $"the build output is over the copy limits: {string.Join("; ", copy.Notes.Take(3))}", result.Duration);
        }

        // The agent starts once per task: its packages' assemblies (Roslyn, Semantic Kernel) precompiled, once per machine.
        await new Benchmarks.Grading.Fast.ReadyToRun(environment.PackagesDir, environment.SdkDir).CompileFolderAsync(outputDir, cancellationToken);
        return new BuildResult(true, Tail(log), result.Duration);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
