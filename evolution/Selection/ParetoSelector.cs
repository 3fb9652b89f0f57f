using Dgm.Archive;

namespace Dgm.Evolution.Selection;

/// <summary>
/// Per-task Pareto selection (GEPA's idea for an archive of agents): a node is kept as a candidate when it
/// resolves some train task, and dropped when another candidate resolves every task it resolves and more.
/// Nodes that resolve the same set are one candidate: the one with the smaller diff of its parent (then
/// the older). Each candidate is drawn in proportion to the tasks it resolves that few others do
/// (a task resolved by k candidates gives each 1/k), over 1 + its children, so a node that is the only
/// one to solve something stays a parent even when its overall score is low. With no resolved task
/// anywhere, every selectable node is a candidate alike.
/// </summary>
public sealed class ParetoSelector : IParentSelector
{
    public IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random)
    {
        var weighted = Probabilities(archive);
        var weights = weighted.Select(w => w.Probability).ToList();
        return [.. Enumerable.Range(0, count).Select(_ => weighted[ParentSelectors.Draw(weights, random)].Node)];
    }

    /// <summary>The front's candidates with their selection probabilities (they sum to 1).</summary>
    public static IReadOnlyList<(Node Node, double Probability)> Probabilities(IReadOnlyList<Node> archive)
    {
        var nodes = ParentSelectors.RequireSome(archive);
        var solved = nodes.ToDictionary(n => n.Id, Resolved, StringComparer.Ordinal);

        // One candidate per distinct set of resolved tasks: the smallest diff, then the oldest.
        var front = nodes.Where(n => solved[n.Id].Count > 0)
            .GroupBy(n => string.Join('\n', solved[n.Id].Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .Select(g => g.OrderBy(n => n.DiffLines).ThenBy(n => ParentSelectors.NumericId(n.Id)).First())
            .ToList();
        front = [.. front.Where(n => !front.Any(o => o != n && solved[n.Id].IsProperSubsetOf(solved[o.Id])))];
        if (front.Count == 0)
        {
            return [.. nodes.Select(n => (n, 1.0 / nodes.Count))];
        }

        var share = front.SelectMany(n => solved[n.Id]).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var weights = front.Select(n => solved[n.Id].Sum(t => 1.0 / share[t]) / (1.0 + n.Children)).ToList();
        var total = weights.Sum();
        return [.. front.Zip(weights, (n, w) => (n, w / total))];
    }

    private static HashSet<string> Resolved(Node node) =>
        new(node.Results.Where(r => r.Split == "train" && r.Resolved).Select(r => r.TaskId), StringComparer.Ordinal);
}
