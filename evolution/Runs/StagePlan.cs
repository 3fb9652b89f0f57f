using Dgm.Benchmarks.Tasks;

namespace Dgm.Evolution.Runs;

/// <summary>
/// The run's task lists: train shuffled once by the run's seed and cut into stage 1, stage 2 and the rest,
/// so every node is compared on the same tasks; holdout is only ever scored, never used to select.
/// Tasks this machine cannot run (a CUDA task without a device) are left out of every list.
/// </summary>
public sealed record StagePlan(IReadOnlyList<BenchTask> Stage1, IReadOnlyList<BenchTask> Stage2, IReadOnlyList<BenchTask> Rest, IReadOnlyList<BenchTask> Holdout)
{
    public static StagePlan Create(Suite suite, EvolutionOptions options, Func<BenchTask, string?>? skipReason = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var skipped = suite.Tasks.Select(t => skipReason?.Invoke(t)).OfType<string>().ToList();
        bool Runnable(BenchTask task) => skipReason?.Invoke(task) is null;
        var train = suite.Split("train").Where(Runnable).OrderBy(t => t.Id, StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
        if (train.Count == 0)
        {
            throw new ArgumentException(skipped.Count == 0
                ? $"The suite '{suite.Name}' has no train tasks to evolve on."
                : $"The suite '{suite.Name}' has no train tasks this machine can run ({skipped.Count} skipped: {string.Join("; ", skipped.Distinct())}).");
        }

        var holdout = suite.Split("holdout").Where(Runnable).OrderBy(t => t.Id, StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
        var s1 = Math.Clamp(options.Stage1Tasks, 1, train.Count);
        var s2 = Math.Clamp(options.Stage2Tasks, 0, train.Count - s1);
        return new StagePlan(
            train[..s1],
            train[s1..(s1 + s2)],
            train[(s1 + s2)..],
            options.HoldoutTasks > 0 ? holdout.Take(options.HoldoutTasks).ToList() : holdout);
    }
}
