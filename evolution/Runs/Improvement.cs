using Dgm.Archive;

namespace Dgm.Evolution.Runs;

/// <summary>
/// How often self-improvement improves: of the finished children, the share that resolve more of the train
/// tasks they share with their parent than the parent does (an invalid child improves nothing), and imp@k
/// (DGM-Hyperagents): over parents with children, the share for which one of their first k children did.
/// </summary>
public sealed record Improvement(int Children, int Improved, double? Rate, int Parents, IReadOnlyDictionary<int, double> ImpAt)
{
    public static Improvement Of(IReadOnlyList<Node> archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var byId = archive.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var children = archive.Where(n => n.ParentId is { } p && byId.ContainsKey(p) && n.Finished is not null)
            .OrderBy(n => Selection.ParentSelectors.NumericId(n.Id)).ToList();
        var improved = children.Where(c => Improves(c, byId[c.ParentId!])).ToHashSet();
        var families = children.GroupBy(c => c.ParentId!, StringComparer.Ordinal).ToList();
        var most = families.Count == 0 ? 0 : families.Max(f => f.Count());
        var impAt = Enumerable.Range(1, most).ToDictionary(k => k, k => (double)families.Count(f => f.Take(k).Any(improved.Contains)) / families.Count);
        return new(children.Count, improved.Count, children.Count == 0 ? null : (double)improved.Count / children.Count, families.Count, impAt);
    }

    /// <summary>The child resolves a larger share than its parent of the train tasks both were graded on.</summary>
    public static bool Improves(Node child, Node parent)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(parent);
        if (child.Status != NodeStatus.Valid)
        {
            return false;
        }

        var mine = Train(child);
        var theirs = Train(parent);
        var shared = mine.Keys.Where(theirs.ContainsKey).ToList();
        return shared.Count > 0 && shared.Count(t => mine[t]) > shared.Count(t => theirs[t]);
    }

    private static Dictionary<string, bool> Train(Node node) =>
        node.Results.Where(r => r.Split == "train" && r.Status != "skipped").GroupBy(r => r.TaskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Resolved, StringComparer.Ordinal);
}
