using System.Text.Json;
using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Evolution.Selection;

namespace Dgm.Evolution.Runs;

/// <summary>The run's closing figures, also written to summary.json.</summary>
/// <remarks>Evaluations, wall time and processes sum every process of the run (the first and every resume).</remarks>
public sealed record RunSummary(
    string Run, string StopReason, int Iterations, int Nodes, int Valid, int Invalid, string BestId,
    double? SeedTrain, double? SeedHoldout, double? BestTrain, double? BestHoldout, double CostDollars, int Evaluations, double WallSeconds, int Processes)
{
    /// <summary>How often a child improved on its parent (the rate and imp@k), over the whole archive.</summary>
    public Improvement? Improvement { get; init; }
}

/// <summary>
/// The Darwin Gödel Machine's outer loop: evaluate the seed; then per iteration choose parents, let each
/// improve itself into a child, build and evaluate the children, and archive every one of them. A run
/// interrupted at any point continues with <see cref="EvolutionOptions"/> unchanged from its archive.
/// </summary>
public sealed class EvolutionRun(RunContext run)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var store = run.Store;
        var options = run.Options;
        run.RecordTotals();
        Recover();
        await EnsureSeedAsync(cancellationToken);
        var selector = ParentSelectors.Create(options.Selection);
        var stop = "iterations";
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            var all = store.All();
            var (parents, redo) = ParentsFor(all, iteration, selector);
            if (parents.Count == 0)
            {
                continue; // done by an earlier process
            }

            if (BudgetReached() is { } reason)
            {
                stop = reason;
                break;
            }

            ApplyApprovals();
            run.Report(new EvolutionEvent(EvolutionEventKind.IterationStarted, $"iteration {iteration}/{options.Iterations}: {(redo ? "redoing interrupted children of" : "parents")} {string.Join(", ", parents.Select(p => p.Id))}", Iteration: iteration));
            var children = parents.Select(parent => (Parent: parent, Child: Begin(parent, iteration))).ToList();
            await Task.WhenAll(children.Select(c => RunChildAsync(c.Parent, c.Child, cancellationToken)));
            MarkBest();
            run.RecordTotals();
        }

        var best = await ScoreBestOnHoldoutAsync(cancellationToken);
        return await WriteSummaryAsync(stop, best, cancellationToken);
    }

    /// <summary>Whether a node ended because its run stopped (Ctrl+C, SIGKILL) rather than on its own merits.</summary>
    public static bool IsInterrupted(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Status == NodeStatus.Invalid && (node.InvalidReason?.StartsWith("interrupted", StringComparison.Ordinal) ?? false);
    }

    /// <summary>
    /// The parents an iteration still needs children of. A new iteration draws them (seeded by the run's seed and
    /// the iteration); an iteration an earlier process started keeps its parents (the first --children nodes it
    /// made) and redoes only the children that were interrupted, so a kill never uses up an iteration.
    /// </summary>
    private (IReadOnlyList<Node> Parents, bool Redo) ParentsFor(IReadOnlyList<Node> all, int iteration, IParentSelector selector)
    {
        var children = run.Options.Children;
        var started = all.Where(n => !n.IsSeed && n.Iteration == iteration).OrderBy(n => long.Parse(n.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (started.Count == 0)
        {
            return (selector.Choose(all, children, new Random(HashCode.Combine(run.Options.Seed, iteration))), false);
        }

        var planned = started.Take(children).Select(n => n.ParentId!).ToList();
        var missing = new List<string>(planned);
        foreach (var done in started.Where(n => !IsInterrupted(n)))
        {
            missing.Remove(done.ParentId!);
        }

        var byId = all.ToDictionary(n => n.Id);
        var parents = missing.Select(id => byId[id]).ToList();
        if (planned.Count < children)
        {
            // Killed while the iteration was being set up: the parents it never recorded are drawn now.
            parents.AddRange(selector.Choose(all, children - planned.Count, new Random(HashCode.Combine(run.Options.Seed, iteration, planned.Count))));
        }

        return (parents, true);
    }

    /// <summary>Nodes a killed run left half-done are never counted: they become invalid, kept for inspection.</summary>
    private void Recover()
    {
        foreach (var node in run.Store.All().Where(n => !n.IsSeed && n.Status is NodeStatus.SelfImproving or NodeStatus.Building or NodeStatus.Evaluating))
        {
            run.Store.Update(node with { Status = NodeStatus.Invalid, InvalidReason = $"interrupted while {node.Status.ToString().ToLowerInvariant()}: the run stopped before this node finished", Finished = DateTimeOffset.UtcNow });
            run.Report(new EvolutionEvent(EvolutionEventKind.Info, $"node {node.Id} was interrupted by the previous run; marked invalid", node.Id));
        }
    }

    private async Task EnsureSeedAsync(CancellationToken cancellationToken)
    {
        if (run.Store.TryGet("0", out var existing) && existing!.Status == NodeStatus.Valid && File.Exists(Path.Combine(run.Folder.BuildDir("0"), "Dgm.Agent.dll")))
        {
            return;
        }

        var source = run.Options.SeedSource ?? throw new InvalidOperationException("The seed agent's source folder is not set (EvolutionOptions.SeedSource).");
        var seed = existing ?? new Node { Id = "0", Created = DateTimeOffset.UtcNow, Status = NodeStatus.Building, LogsDir = run.Folder.Relative(run.Folder.NodeDir("0")) };
        seed = seed with { Status = NodeStatus.Building, Stages = [], Results = [], Score = null, HoldoutScore = null };
        if (existing is null)
        {
            run.Store.Insert(seed);
        }
        else
        {
            run.Store.Update(seed);
        }

        run.Report(new EvolutionEvent(EvolutionEventKind.NodeStarted, "the seed agent: building", "0"));
        var logs = run.Folder.NodeDir("0");
        Directory.CreateDirectory(logs);
        await PackageCache.EnsureSourceAsync(source, run.Environment.PackagesDir, cancellationToken, run.Runtime is null ? [] : [run.Runtime]);
        var build = await run.GatedAsync(() => new AgentBuilder(run.Sandboxes, run.Environment, run.RunId, run.Runtime).BuildAsync(source, run.Folder.BuildDir("0"), cancellationToken), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(logs, "build.log"), build.Log, cancellationToken);
        if (!build.Succeeded)
        {
            throw new InvalidOperationException($"The seed agent in {source} does not build in a sandbox:\n{build.Log}");
        }

        seed = seed with { Status = NodeStatus.Evaluating };
        run.Store.Update(seed);
        var evaluator = new NodeEvaluator(run);
        seed = await evaluator.EvaluateTrainAsync(seed, allStages: true, cancellationToken);
        seed = await evaluator.EvaluateHoldoutAsync(seed, cancellationToken);
        await EvalLogs.WriteSummaryAsync(run.Folder.EvalsDir("0"), seed, evaluator.Grades, cancellationToken);
        seed = seed with { Status = NodeStatus.Valid, Finished = DateTimeOffset.UtcNow };
        var committed = seed;
        seed = seed with { Commit = run.WithLineage(l => l.Commit(committed, source, ChildPipeline.CommitMessage(committed with { ProblemStatement = "the seed agent" }))) };
        run.Store.Update(seed);
        run.WithLineage(l => { l.MarkBest("0"); return 0; });
        run.Report(new EvolutionEvent(EvolutionEventKind.NodeFinished, $"seed: train {seed.Score:P0}, holdout {seed.HoldoutScore:P0}", "0", 0, seed));
    }

    private Node Begin(Node parent, int iteration)
    {
        var node = new Node
        {
            Id = run.Store.NextId(),
            ParentId = parent.Id,
            Generation = parent.Generation + 1,
            Iteration = iteration,
            Created = DateTimeOffset.UtcNow,
            Status = NodeStatus.SelfImproving,
        };
        run.Store.Insert(node);
        run.Report(new EvolutionEvent(EvolutionEventKind.NodeStarted, $"child of {parent.Id}", node.Id, iteration));
        return node;
    }

    private async Task RunChildAsync(Node parent, Node node, CancellationToken cancellationToken)
    {
        try
        {
            await new ChildPipeline(run).RunAsync(parent, node, cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (Ctrl+C, SIGTERM): whatever the interrupted call threw (Docker.DotNet wraps a cancelled
            // request in HttpRequestException), the child is interrupted and the run stops.
            var current = run.Store.Get(node.Id);
            run.Store.Update(current with { Status = NodeStatus.Invalid, InvalidReason = "interrupted: the run was stopped", Finished = DateTimeOffset.UtcNow });
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException("the run was stopped", e, cancellationToken);
        }
        catch (Exception e)
        {
            // A harness failure on one child (a sandbox that would not start, a full disk) ends that child, not the run.
            var current = run.Store.Get(node.Id);
            run.Store.Update(current with { Status = NodeStatus.Invalid, InvalidReason = $"harness error: {e.Message}", Finished = DateTimeOffset.UtcNow });
            run.Report(new EvolutionEvent(EvolutionEventKind.NodeFinished, $"invalid: harness error: {e.Message}", node.Id, node.Iteration, run.Store.Get(node.Id)));
        }
    }

    private string? BudgetReached()
    {
        var totals = run.RecordTotals();
        return RunBudget.Reached(run.Options, run.Store.All(), run.Gateway?.Usage.Run.Dollars ?? 0, TimeSpan.FromSeconds(totals.WallSeconds), totals.Evaluations);
    }

    /// <summary>`dgm approve|reject` leave a request file while the run holds the archive; the run applies it.</summary>
    private void ApplyApprovals()
    {
        if (!Directory.Exists(run.Folder.ApprovalsDir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(run.Folder.ApprovalsDir, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var request = JsonSerializer.Deserialize<ApprovalRequest>(File.ReadAllText(file), Indented);
                if (request is not null && run.Store.TryGet(request.Id, out var node) && node!.Status == NodeStatus.PendingApproval)
                {
                    run.Store.Update(Approvals.Apply(node, request.Approve));
                    run.Report(new EvolutionEvent(EvolutionEventKind.Info, $"node {node.Id} {(request.Approve ? "approved" : "rejected")}", node.Id));
                }
            }
            catch (JsonException)
            {
                run.Report(new EvolutionEvent(EvolutionEventKind.Info, $"ignored a malformed approval request: {file}"));
            }

            File.Delete(file);
        }
    }

    private Node MarkBest()
    {
        var best = ParentSelectors.Best(ParentSelectors.Selectable(run.Store.All()));
        run.WithLineage(l => { l.MarkBest(best.Id); return 0; });
        return best;
    }

    private async Task<Node> ScoreBestOnHoldoutAsync(CancellationToken cancellationToken)
    {
        var best = MarkBest();
        if (best.HoldoutScore is null && run.Plan.Holdout.Count > 0)
        {
            run.Report(new EvolutionEvent(EvolutionEventKind.NodePhase, $"the best node ({best.Id}) on holdout: {run.Plan.Holdout.Count} tasks", best.Id));
            best = await new NodeEvaluator(run).EvaluateHoldoutAsync(best, cancellationToken);
            run.Store.Update(best);
        }

        return best;
    }

    private async Task<RunSummary> WriteSummaryAsync(string stop, Node best, CancellationToken cancellationToken)
    {
        var totals = run.RecordTotals();
        var nodes = run.Store.All();
        var seed = nodes.First(n => n.Id == "0");
        var summary = new RunSummary(
            Path.GetFileName(run.Folder.Root), stop, nodes.Max(n => n.Iteration), nodes.Count,
            nodes.Count(n => n.Status == NodeStatus.Valid), nodes.Count(n => n.Status == NodeStatus.Invalid), best.Id,
            seed.Score, seed.HoldoutScore, best.Score, best.HoldoutScore,
            (run.Gateway?.Usage.Run.Dollars ?? 0) + nodes.Sum(n => n.CostDollars), Math.Max(totals.Evaluations, nodes.Sum(n => n.Results.Count)), totals.WallSeconds, totals.Processes)
        {
            Improvement = Improvement.Of(nodes),
        };
        await File.WriteAllTextAsync(run.Folder.SummaryPath, JsonSerializer.Serialize(summary, Indented), cancellationToken);
        return summary;
    }
}
