using Dgm.Agent.Runtime;

namespace Dgm.Agent.Improve;

/// <summary>
/// Self-improvement without a model: diagnose the parent's evaluation logs (and its ancestors'), then make ONE edit of the
/// agent's own source, drawn (with the seed) among the proposals in proportion to how common their
/// cause is. An edit that leaves a syntax error or does not build is undone and the next one is drawn.
/// </summary>
public sealed class SelfImprover(Trajectory trajectory, int seed)
{
    /// <summary>How long the check that the edited agent still builds may take.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public async Task<string> RunAsync(string self, string evals, string? lineage, string? archive, CancellationToken cancellationToken)
    {
        var logs = LineageLogs.Merge(EvalLog.Read(evals, trajectory.Note), EvalLog.ReadLineage(lineage, Strategy.Reach, trajectory.Note));
        var source = new AgentSource(self);
        var findings = logs.Count == 0 ? new Findings("no readable evaluation logs", []) : Diagnoser.Diagnose(logs, source, Donors(archive));
        trajectory.Note($"diagnosis: {findings.Summary.Replace("\n", " | ", StringComparison.Ordinal)}");
        var proposals = findings.Proposals.ToList();
        var random = new Random(seed);
        while (proposals.Count > 0)
        {
            var proposal = Draw(proposals, p => p.Weight, random);
            proposals.Remove(proposal);
            trajectory.Note($"proposal drawn: {proposal.Title} (weight {proposal.Weight:0.##})");
            var change = await TryAsync(proposal, source, random, self, cancellationToken);
            if (change is not null)
            {
                var diagnosis = Describe(findings, proposal, change, [.. source.Changed]);
                trajectory.Describe(diagnosis, ProblemStatement(diagnosis));
                return trajectory.Stop("improved", change);
            }
        }

        var nothing = new Diagnosis(findings.Summary, Potential(findings), "none", "none", "The logs show no cause that an edit of the agent's source addresses.");
        trajectory.Describe(nothing, ProblemStatement(nothing));
        return findings.Proposals.Count == 0
            ? trajectory.Stop("nothing_to_improve", logs.Count == 0 ? "no readable evaluation logs" : "the logs show no cause an edit addresses")
            : trajectory.Stop("no_valid_edit", $"all {findings.Proposals.Count} proposed edits failed to apply or to build");
    }

    /// <summary>The operators of other agents of the archive (one source folder each, best first); unreadable ones are skipped.</summary>
    private List<(string Name, string Code)> Donors(string? archive)
    {
        var donors = new List<(string, string)>();
        var folders = archive is not null && Directory.Exists(archive) ? Directory.EnumerateDirectories(archive).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var folder in folders)
        {
            try
            {
                donors.AddRange(new AgentSource(folder).Entries());
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                trajectory.Note($"archive: {Path.GetFileName(folder)} is skipped: {e.Message}");
            }
        }

        trajectory.Note($"archive: {donors.Count} operator(s) of other agents read");
        return donors;
    }

    /// <summary>Makes the edit and checks it: parses, then builds; undoes it and returns null when it fails.</summary>
    private async Task<string?> TryAsync(Proposal proposal, AgentSource source, Random random, string self, CancellationToken cancellationToken)
    {
        try
        {
            var change = proposal.Apply(source, random);
            var errors = source.SyntaxErrors();
            var failure = errors.Count > 0 ? $"syntax errors: {string.Join("; ", errors.Take(3))}" : await BuildAsync(self, cancellationToken);
            if (failure is null)
            {
                trajectory.Note($"edit kept: {change}");
                return change;
            }

            trajectory.Note($"edit undone ({change}): {failure}");
        }
        catch (InvalidOperationException e)
        {
            trajectory.Note($"edit not applicable: {e.Message}");
        }

        source.Undo();
        return null;
    }

    /// <summary>
    /// Builds a copy of the edited agent (so no build output lands in the source the diff is taken from);
    /// null when it builds, or when it cannot be built here: then the parse check stands alone.
    /// </summary>
    private async Task<string?> BuildAsync(string self, CancellationToken cancellationToken)
    {
        var project = Directory.EnumerateFiles(self, "*.csproj").FirstOrDefault();
        if (project is null)
        {
            trajectory.Note("build check skipped: no project file at the root of the agent's source");
            return null;
        }

        var scratch = Directory.CreateTempSubdirectory("dgm-self-build-").FullName;
        var copy = Path.Combine(scratch, "self");
        try
        {
            CopySources(self, copy);

            // The runtime the project references as ../runtime, when the harness put it beside the source.
            var runtime = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(self).TrimEnd(Path.DirectorySeparatorChar))!, "runtime");
            if (Directory.Exists(runtime))
            {
                CopySources(runtime, Path.Combine(scratch, "runtime"));
            }

            // No build servers: a lingering compiler process would hold the output pipe open.
            var result = await ChildProcess.RunAsync("dotnet", ["build", Path.Combine(copy, Path.GetFileName(project)), "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary"], copy, BuildTimeout, cancellationToken);
            var errors = result.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Replace(copy, "", StringComparison.Ordinal).Trim()).Distinct().Take(3);
            return result.TimedOut ? $"the build did not finish within {BuildTimeout.TotalSeconds:0} s"
                : result.ExitCode != 0 ? $"the build failed: {string.Join("; ", errors)}"
                : null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            trajectory.Note($"build check skipped: dotnet could not be started ({e.Message})");
            return null;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>A folder's files without build output or git.</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(from, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj" or ".git")))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>One item drawn with probability proportional to its weight (the last one when rounding leaves none).</summary>
    internal static T Draw<T>(IReadOnlyList<T> items, Func<T, double> weight, Random random)
    {
        var point = random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            point -= weight(item);
            if (point < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static string Potential(Findings findings) =>
        findings.Proposals.Count == 0 ? "none" : string.Join('\n', findings.Proposals.Select(p => $"- {p.Title} (weight {p.Weight:0.##}; cause: {p.Cause})"));

    private static Diagnosis Describe(Findings findings, Proposal chosen, string change, IReadOnlyList<string> files) => new(
        LogSummarization: findings.Summary,
        PotentialImprovements: Potential(findings),
        ImprovementProposal: $"{chosen.Title}, for the cause '{chosen.Cause}' (drawn with weight {chosen.Weight:0.##} of {findings.Proposals.Sum(p => p.Weight):0.##}).",
        ImplementationSuggestion: $"{change}. Files: {string.Join(", ", files)}.",
        ProblemDescription: $"The offline repair fails on tasks whose cause is: {chosen.Cause}. Change the agent's repair strategy so that it does: {chosen.Title}.");

    /// <summary>The paper's problem statement for the self-improvement run: what the agent is, what to change, and why.</summary>
    private static string ProblemStatement(Diagnosis diagnosis) => $"""
        You are Dgm.Agent, a coding agent; without a model it repairs C# code by automated program repair
        (visible tests, fault localization, Roslyn repair operators, in-memory validation).

        {diagnosis.ImplementationSuggestion}

        {diagnosis.ProblemDescription}
        """;
}
