using System.Diagnostics;
using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Evaluation;

namespace Dgm.Evolution.Runs;

/// <summary>
/// Staged evaluation of one built node: stage 1 on a few train tasks, stage 2 on more when stage 1 passes
/// its threshold, the rest of train for the archive's top nodes when asked; holdout only when asked. Stages 1
/// and 2 are graded by the fast path (where faithful), the rest and holdout by the full path.
/// Every task in a fresh sandbox; every attempt logged in the `improve --evals` contract.
/// </summary>
public sealed class NodeEvaluator(RunContext run)
{
    private readonly Dictionary<string, TaskReport> _grades = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TaskReport> Grades => _grades;

    /// <summary>Evaluates stage 1 and, when earned, stage 2 and the rest; returns the node with stages, results and score.</summary>
    public async Task<Node> EvaluateTrainAsync(Node node, bool allStages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var plan = run.Plan;
        node = await StageAsync(node, 1, plan.Stage1, cancellationToken);
        var stage1 = node.Stages[^1];
        if (plan.Stage2.Count > 0 && (allStages || stage1.Score > run.Options.Stage2Threshold))
        {
            node = await StageAsync(node, 2, plan.Stage2, cancellationToken);
        }

        if (plan.Rest.Count > 0 && node.Stages.Count == 2 && (allStages ? run.Options.FullTrain : run.Options.FullTrain && InTopTwo(node)))
        {
            node = await StageAsync(node, 3, plan.Rest, cancellationToken);
        }

        return node;
    }

    public async Task<Node> EvaluateHoldoutAsync(Node node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var outcomes = await RunTasksAsync(node, 0, run.Plan.Holdout, cancellationToken);
        var scored = outcomes.Where(o => o.Status != "skipped").ToList();
        return node with
        {
            Results = [.. node.Results.Where(r => r.Split != "holdout"), .. outcomes],
            HoldoutScore = scored.Count == 0 ? null : (double)scored.Count(o => o.Resolved) / scored.Count,
        };
    }

    /// <summary>Train score: resolved over attempted; empty patches count as attempted, skipped tasks do not.</summary>
    public static double? TrainScore(IEnumerable<TaskOutcome> results)
    {
        var train = results.Where(r => r.Split == "train" && r.Status != "skipped").ToList();
        return train.Count == 0 ? null : (double)train.Count(r => r.Resolved) / train.Count;
    }

    private async Task<Node> StageAsync(Node node, int stage, IReadOnlyList<BenchTask> tasks, CancellationToken cancellationToken)
    {
        run.Report(new EvolutionEvent(EvolutionEventKind.NodePhase, $"stage {stage}: {tasks.Count} tasks", node.Id));
        var outcomes = await RunTasksAsync(node, stage, tasks, cancellationToken);
        var results = node.Results.Concat(outcomes).ToList();
        var scored = outcomes.Where(o => o.Status != "skipped").ToList();
        return node with
        {
            Results = results,
            Stages = [.. node.Stages, new StageResult(stage, scored.Count, scored.Count(o => o.Resolved))],
            Score = TrainScore(results),
        };
    }

    private bool InTopTwo(Node node)
    {
        var scores = run.Store.All().Where(n => n.Status == NodeStatus.Valid && n.Score is not null).Select(n => n.Score!.Value).OrderDescending().Take(2).ToList();
        return scores.Count < 2 || TrainScore(node.Results) >= scores[^1];
    }

    private async Task<IReadOnlyList<TaskOutcome>> RunTasksAsync(Node node, int stage, IReadOnlyList<BenchTask> tasks, CancellationToken cancellationToken)
    {
        var evaluator = new AgentEvaluator(run.Sandboxes, run.Environment, run.Grader, run.Folder.BuildDir(node.Id), run.RunId);

        // The fast path screens (stages 1 and 2); the full path decides what a user reads as the result: the rest
        // of train for the archive's top nodes, and holdout.
        var path = stage is 1 or 2 && run.Options.Grading == "fast" ? GradingPath.Fast : GradingPath.Full;
        var evals = stage == 0 ? run.Folder.HoldoutDir(node.Id) : run.Folder.EvalsDir(node.Id); // stage 0: holdout
        if (run.Gateway is null)
        {
            evaluator.Expect(tasks);
        }

        var outcomes = await Task.WhenAll(tasks.Select(task => run.GatedAsync(
            async () =>
            {
                run.CountEvaluation();
                var clock = Stopwatch.StartNew();
                var channel = run.Gateway is null ? null : await run.Gateway.OpenChannelAsync(node.Id, task.Id, cancellationToken);
                AgentAttempt attempt;
                await using (channel)
                {
                    attempt = await evaluator.EvaluateAsync(task, run.AgentModel, channel?.Folder, TimeSpan.FromSeconds(run.Options.TaskTimeoutSeconds), cancellationToken, path);
                }

                await EvalLogs.WriteTaskAsync(evals, task, attempt, cancellationToken);
                lock (_grades)
                {
                    _grades[task.Id] = attempt.Grade;
                }

                var outcome = EvalLogs.Outcome(task, stage, attempt, clock.Elapsed.TotalSeconds);
                run.Report(new EvolutionEvent(EvolutionEventKind.TaskFinished, $"{outcome.Status,-11} {outcome.StopReason ?? "-",-20} {task.Id}", node.Id));
                return outcome;
            },
            cancellationToken)));
        return outcomes;
    }
}
