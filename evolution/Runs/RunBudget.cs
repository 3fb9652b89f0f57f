using Dgm.Archive;

namespace Dgm.Evolution.Runs;

/// <summary>The run's budgets, checked between iterations: reaching one ends the run cleanly with its reason.</summary>
public static class RunBudget
{
    /// <summary>
    /// The reason the run must stop, or null while every budget has room. Cost is what this process spent
    /// plus what the nodes recorded, so a resumed run keeps counting.
    /// </summary>
    /// <param name="options">The run's budgets.</param>
    /// <param name="nodes">The archive.</param>
    /// <param name="dollarsThisProcess">Model spending of this process not yet on any node.</param>
    /// <param name="elapsed">The run's wall time (every process).</param>
    /// <param name="evaluationsStarted">Task evaluations every process started, interrupted ones included (at least what the nodes hold).</param>
    public static string? Reached(EvolutionOptions options, IReadOnlyList<Node> nodes, double dollarsThisProcess, TimeSpan elapsed, int evaluationsStarted = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nodes);
        var evaluations = Math.Max(evaluationsStarted, nodes.Sum(n => n.Results.Count));
        if (options.MaxEvaluations is { } max && evaluations >= max)
        {
            return $"evaluation budget ({evaluations} of {max} task evaluations)";
        }

        var dollars = dollarsThisProcess + nodes.Sum(n => n.CostDollars);
        if (options.MaxCostDollars is { } limit && dollars >= limit)
        {
            return $"cost budget (${dollars:0.##} of ${limit:0.##})";
        }

        return options.MaxWallMinutes is { } minutes && elapsed.TotalMinutes >= minutes ? $"wall-time budget ({minutes} minutes)" : null;
    }
}
