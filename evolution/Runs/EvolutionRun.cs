using System.Diagnostics;
using System.Text.Json;
using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Evolution.Selection;

namespace Dgm.Evolution.Runs;

/// <summary>The run's closing figures, also written to summary.json.</summary>
public sealed record RunSummary(
    string Run, string StopReason, int Iterations, int Nodes, int Valid, int Invalid, string BestId,
    double? SeedTrain, double? SeedHoldout, double? BestTrain, double? BestHoldout, double CostDollars, int Evaluations, double WallSeconds);

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
        var clock = Stopwatch.StartNew();
        var store = run.Store;
        var options = run.Options;
        Recover();
        await EnsureSeedAsync(cancellationToken);
        var selector = ParentSelectors.Create(options.Selection);
        var stop = "iterations";
        var first = store.All().Max(n => n.Iteration) + 1;
        for (var iteration = first; iteration <= options.Iterations; iteration++)
        {
            if (BudgetReached(clock.Elapsed) is { } reason)
            {
                stop = reason;
                break;
            }

            ApplyApprovals();
            var parents = selector.Choose(store.All(), options.Children, new Random(HashCode.Combine(options.Seed, iteration)));
            run.Report(new EvolutionEvent(EvolutionEventKind.IterationStarted, $"iteration {iteration}/{options.Iterations}: parents {string.Join(", ", parents.Select(p => p.Id))}", Iteration: iteration));
            var children = parents.Select(parent => (Parent: parent, Child: Begin(parent, iteration))).ToList();
            await Task.WhenAll(children.Select(c => RunChildAsync(c.Parent, c.Child, cancellationToken)));
            MarkBest();
        }

        var best = await ScoreBestOnHoldoutAsync(cancellationToken);
        return await WriteSummaryAsync(stop, best, clock.Elapsed, cancellationToken);
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
        await PackageCache.EnsureSourceAsync(source, run.Environment.PackagesDir, cancellationToken);
        var build = await run.GatedAsync(() => new AgentBuilder(run.Sandboxes, run.Environment, run.RunId).BuildAsync(source, run.Folder.BuildDir("0"), cancellationToken), cancellationToken);
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

    private string? BudgetReached(TimeSpan elapsed) =>
        RunBudget.Reached(run.Options, run.Store.All(), run.Gateway?.Usage.Run.Dollars ?? 0, elapsed);

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

    private async Task<RunSummary> WriteSummaryAsync(string stop, Node best, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var nodes = run.Store.All();
        var seed = nodes.First(n => n.Id == "0");
        var summary = new RunSummary(
            Path.GetFileName(run.Folder.Root), stop, nodes.Max(n => n.Iteration), nodes.Count,
            nodes.Count(n => n.Status == NodeStatus.Valid), nodes.Count(n => n.Status == NodeStatus.Invalid), best.Id,
            seed.Score, seed.HoldoutScore, best.Score, best.HoldoutScore,
            (run.Gateway?.Usage.Run.Dollars ?? 0) + nodes.Sum(n => n.CostDollars), nodes.Sum(n => n.Results.Count), elapsed.TotalSeconds);
        await File.WriteAllTextAsync(run.Folder.SummaryPath, JsonSerializer.Serialize(summary, Indented), cancellationToken);
        return summary;
    }
}
