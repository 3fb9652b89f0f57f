using System.Security.Cryptography;
using System.Text;
using Dgm.Archive;
using Dgm.Benchmarks.Control;

namespace Dgm.Evolution.Runs;

/// <summary>
/// One self-improvement attempt: the parent improves its own source in a sandbox, the child is built in
/// another, evaluated in stages, committed to the lineage and archived. Every way it can fail ends as
/// an invalid node with a reason, kept for inspection and never selected; the run goes on.
/// </summary>
public sealed class ChildPipeline(RunContext run)
{
    public async Task<Node> RunAsync(Node parent, Node node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(node);
        var folder = run.Folder;
        var logs = folder.NodeDir(node.Id);
        Directory.CreateDirectory(logs);
        var scratch = Directory.CreateTempSubdirectory($"dgm-node-{node.Id}-").FullName;
        try
        {
            var parentSource = Path.Combine(scratch, "parent");
            var childSource = Path.Combine(scratch, "child");
            run.WithLineage(l => { l.Export(parent.Id, parentSource); return 0; });

            string? problem = null;
            if (run.Gateway is not null)
            {
                // With a model, the diagnosis is the host's model call; offline, the agent diagnoses its own logs.
                run.Report(new EvolutionEvent(EvolutionEventKind.NodePhase, $"diagnosing parent {parent.Id}", node.Id));
                try
                {
                    var (diagnosis, statement) = await new ModelDiagnoser(run.Gateway, ModelName(run.Options.Model)).DiagnoseAsync(
                        node.Id, parentSource, folder.EvalsDir(parent.Id), [.. Ancestors(parent).Select(id => (id, folder.EvalsDir(id)))], TrainTasks(),
                        new Random(ImproveSeed(node.Id)), cancellationToken);
                    node = node with { Diagnosis = diagnosis, ProblemStatement = statement };
                    problem = statement;
                    run.Store.Update(node);
                }
                catch (DiagnosisException e)
                {
                    return Finish(node, null, "diagnosis failed: " + e.Message);
                }
            }

            run.Report(new EvolutionEvent(EvolutionEventKind.NodePhase, $"self-improving (parent {parent.Id})", node.Id));
            ImproveResult improve;
            var channel = run.Gateway is null ? null : await run.Gateway.OpenChannelAsync(node.Id, "self-improvement", cancellationToken);
            await using (channel)
            {
                improve = await run.GatedAsync(
                    () => new SelfImprover(run.Sandboxes, run.Environment, run.RunId).ImproveAsync(
                        ImproverBuild(folder, run.Options, parent), parentSource, folder.EvalsDir(parent.Id),
                        work => Context(parent, scratch, work), childSource, run.AgentModel,
                        channel?.Folder, problem, ImproveSeed(node.Id), TimeSpan.FromSeconds(run.Options.ImproveTimeoutSeconds), cancellationToken),
                    cancellationToken);
            }

            await File.WriteAllTextAsync(Path.Combine(logs, "improve.patch"), improve.Patch, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(logs, "improve.trajectory.json"), improve.Trajectory, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(logs, "improve.log"), improve.Run.Stdout + improve.Run.Stderr, cancellationToken);
            node = node with { Diagnosis = node.Diagnosis ?? improve.Diagnosis, ProblemStatement = node.ProblemStatement ?? improve.ProblemStatement };
            run.Store.Update(node);

            if (improve.Run.TimedOut)
            {
                return Finish(node, childSource, $"self-improvement timed out after {run.Options.ImproveTimeoutSeconds} s");
            }

            if (improve.CopyNotes.Count > 0)
            {
                return Finish(node, null, $"the child's source is over the copy limits: {string.Join("; ", improve.CopyNotes.Take(3))}");
            }

            if (!Directory.Exists(childSource) || string.IsNullOrWhiteSpace(improve.Patch) || SourceHash(childSource) == SourceHash(parentSource))
            {
                return Finish(node, Directory.Exists(childSource) ? childSource : null, $"empty diff (the parent stopped: {improve.StopReason ?? "no trajectory"})");
            }

            // The control layer's agent rules, on the file trees (the patch the agent reports is not trusted).
            var findings = AgentDiffPolicy.Check(parentSource, childSource)
                .Select(f => new PolicyFinding(f.Rule, f.Path, f.Line, f.Detail, PolicyRules.Find(f.Rule)?.Blocks ?? true))
                .ToList();
            node = node with { Findings = findings };
            if (findings.FirstOrDefault(f => f.Blocks) is { } blocking)
            {
                return Finish(node, childSource, $"policy: {blocking.Rule} at {blocking.Path}:{blocking.Line} ({blocking.Detail}): {PolicyRules.Find(blocking.Rule)?.Reason}");
            }

            node = node with { Status = NodeStatus.Building };
            run.Store.Update(node);
            run.Report(new EvolutionEvent(EvolutionEventKind.NodePhase, "building", node.Id));
            var build = await run.GatedAsync(() => new AgentBuilder(run.Sandboxes, run.Environment, run.RunId, run.Runtime).BuildAsync(childSource, folder.BuildDir(node.Id), cancellationToken), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(logs, "build.log"), build.Log, cancellationToken);
            if (!build.Succeeded)
            {
                return Finish(node, childSource, "build failed: " + LastLine(build.Log));
            }

            node = node with { Status = NodeStatus.Evaluating };
            run.Store.Update(node);
            var evaluator = new NodeEvaluator(run);
            node = await evaluator.EvaluateTrainAsync(node, allStages: false, cancellationToken);
            await EvalLogs.WriteSummaryAsync(folder.EvalsDir(node.Id), node, evaluator.Grades, cancellationToken);
            if (!node.Results.Any(r => r.Stage == 1 && r.PatchExists))
            {
                return Finish(node, childSource, "no non-empty patch in stage 1: the child lost its code-editing ability");
            }

            var seed = run.Store.Get("0");
            if (run.Options.Keep == "better" && node.Score < (seed.Score ?? 0) - 0.1)
            {
                return Finish(node, childSource, $"not kept (--keep better): {node.Score:P0} is below the seed's {seed.Score:P0} − 10 points");
            }

            return Finish(node with { Status = run.Options.Approve == "manual" ? NodeStatus.PendingApproval : NodeStatus.Valid }, childSource, null);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    /// <summary>Commits the source (when there is one) and stores the final node; the last write of a node.</summary>
    private Node Finish(Node node, string? source, string? invalidReason)
    {
        if (invalidReason is not null)
        {
            node = node with { Status = NodeStatus.Invalid, InvalidReason = invalidReason };
            TryDelete(run.Folder.BuildDir(node.Id));
        }

        node = node with { Finished = DateTimeOffset.UtcNow, LogsDir = run.Folder.Relative(run.Folder.NodeDir(node.Id)) };
        if (source is not null && Directory.Exists(source))
        {
            var (commit, size) = run.WithLineage(l =>
            {
                var sha = l.Commit(node, source, CommitMessage(node));
                return (sha, node.ParentId is { } parent ? l.DiffSize(parent, node.Id) : 0);
            });
            node = node with { Commit = commit, DiffLines = size };
        }

        run.Store.Update(node);
        run.Report(new EvolutionEvent(EvolutionEventKind.NodeFinished, Describe(node), node.Id, node.Iteration, node));
        return node;
    }

    /// <summary>The build that improves the parent's source: the parent's own, or with a frozen improver always the seed's.</summary>
    public static string ImproverBuild(RunFolder folder, EvolutionOptions options, Node parent)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parent);
        return folder.BuildDir(options.Improver == "frozen" ? "0" : parent.Id);
    }

    /// <summary>How many other agents of the archive a self-improvement is given the repair operators of.</summary>
    public const int ArchiveDonors = 6;

    /// <summary>
    /// The copies into the self-improvement's sandbox beyond the parent's own logs: the ancestors' logs at
    /// work/lineage, at work/archive/NN-ID/Repair/Operators.cs the operators of the best other valid nodes
    /// (not the parent or its ancestors; source code only, no logs), and the host's runtime at work/runtime.
    /// </summary>
    private List<Dgm.Sandbox.CopyIn> Context(Node parent, string scratch, string work)
    {
        var ancestors = Ancestors(parent);
        var copies = EvalLogs.LineageCopies(run.Folder, ancestors, TrainTasks(), $"{work}/lineage").ToList();
        var outside = ancestors.Append(parent.Id).ToHashSet(StringComparer.Ordinal);
        var donors = Selection.ParentSelectors.Selectable(run.Store.All()).Where(n => !outside.Contains(n.Id))
            .OrderByDescending(Selection.ParentSelectors.SelectionScore).ThenBy(n => Selection.ParentSelectors.NumericId(n.Id)).Take(ArchiveDonors).ToList();
        var rank = 0;
        foreach (var donor in donors)
        {
            if (run.WithLineage(l => l.ReadFile(donor.Id, "Repair/Operators.cs")) is not { } text)
            {
                continue;
            }

            var file = Path.Combine(scratch, "archive", $"{++rank:00}-{donor.Id}", "Repair", "Operators.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        if (rank > 0)
        {
            copies.Add(new Dgm.Sandbox.CopyIn(Path.Combine(scratch, "archive"), $"{work}/archive"));
        }

        // The runtime the parent's source builds against (work/self references ../runtime): the improver's build check builds it.
        if (run.Runtime is not null)
        {
            copies.Add(new Dgm.Sandbox.CopyIn(run.Runtime, $"{work}/{AgentRuntime.FolderName}"));
        }

        return copies;
    }

    /// <summary>The parent's ancestors, nearest first, as far as the lineage logs reach (a missing record ends the walk).</summary>
    private List<string> Ancestors(Node parent)
    {
        var ids = new List<string>();
        for (var id = parent.ParentId; id is not null && ids.Count < EvalLogs.LineageDepth && run.Store.TryGet(id, out var node); id = node!.ParentId)
        {
            ids.Add(id);
        }

        return ids;
    }

    private HashSet<string> TrainTasks() =>
        [.. run.Plan.Stage1.Concat(run.Plan.Stage2).Concat(run.Plan.Rest).Where(t => t.Spec.Tags.Split == "train").Select(t => t.Id)];

    public static string CommitMessage(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var score = node.Score is { } s ? $"train {s:P0}" : "not scored";
        var what = node.InvalidReason is { } reason ? $"invalid: {reason}" : node.Diagnosis?.ImprovementProposal ?? node.ProblemStatement ?? "";
        var line = what.ReplaceLineEndings(" ");
        return $"node {node.Id} (parent {node.ParentId ?? "none"}): {score}\n\n{(line.Length > 200 ? line[..200] + "…" : line)}\n";
    }

    public static string Describe(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Status == NodeStatus.Invalid
            ? $"invalid: {node.InvalidReason}"
            : $"{node.Status.ToString().ToLowerInvariant()}: train {node.Score:P0} ({string.Join(", ", node.Stages.Select(s => $"stage {s.Stage} {s.Resolved}/{s.Attempted}"))})";
    }

    /// <summary>The model name the gateway forwards: openai:MODEL gives MODEL; a replay answers whatever was recorded.</summary>
    private static string ModelName(string spec) => spec.StartsWith("openai:", StringComparison.Ordinal) ? spec["openai:".Length..] : "replay";

    private int ImproveSeed(string id) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{run.Options.Seed}/{id}")));

    /// <summary>A hash of a source folder's files (bin, obj and .git left out), to tell an unchanged child.</summary>
    public static string SourceHash(string dir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal))
        {
            if (file.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or ".git")
            {
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(dir, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string LastLine(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? log.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no output";

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
