using Dgm.Archive;
using Dgm.Evolution.Runs;

namespace Dgm.Tests.Evolution;

/// <summary>The improvement rate and imp@k in summary.json: how often self-improvement improves.</summary>
[TestClass]
public sealed class ImprovementTests
{
    private static Node N(string id, string? parent, string resolved, string attempted, NodeStatus status = NodeStatus.Valid) => new()
    {
        Id = id,
        ParentId = parent,
        Status = status,
        Finished = DateTimeOffset.UnixEpoch,
        Results = [.. attempted.Select(t => new TaskOutcome(t.ToString(), "train", 1, resolved.Contains(t) ? "resolved" : "unresolved", resolved.Contains(t), true, null, 1))],
    };

    [TestMethod]
    public void A_child_improves_when_it_resolves_more_of_the_tasks_it_shares_with_its_parent_and_an_invalid_one_never_does()
    {
        var parent = N("0", null, "a", "abcd");

        Assert.IsTrue(Improvement.Improves(N("1", "0", "ab", "ab"), parent), "a, b shared: 2 against 1");
        Assert.IsFalse(Improvement.Improves(N("2", "0", "b", "ab"), parent), "1 against 1 is no improvement");
        Assert.IsFalse(Improvement.Improves(N("3", "0", "e", "e"), parent), "no task in common");
        Assert.IsFalse(Improvement.Improves(N("4", "0", "abcd", "abcd", NodeStatus.Invalid), parent));
        var holdout = N("5", "0", "a", "a") with { Results = [new TaskOutcome("b", "holdout", 0, "resolved", true, true, null, 1), new TaskOutcome("a", "train", 1, "resolved", true, true, null, 1)] };
        Assert.IsFalse(Improvement.Improves(holdout, parent), "holdout never counts");
    }

    [TestMethod]
    public void The_rate_counts_every_finished_child_and_imp_at_k_looks_at_each_parents_first_k_children()
    {
        Node[] archive =
        [
            N("0", null, "a", "abcd"),
            N("1", "0", "a", "abcd"), // same: no
            N("2", "0", "ab", "abcd"), // better: yes (the second child of 0)
            N("3", "1", "abc", "abcd"), // better than 1: yes (the first child of 1)
            N("4", "1", "", "abcd"), // worse
            N("5", "2", "abcd", "abcd") with { Finished = null }, // still running: not counted
        ];

        var improvement = Improvement.Of(archive);

        Assert.AreEqual(4, improvement.Children);
        Assert.AreEqual(2, improvement.Improved);
        Assert.AreEqual(0.5, improvement.Rate);
        Assert.AreEqual(2, improvement.Parents);
        Assert.AreEqual(0.5, improvement.ImpAt[1], "node 1's first child improved, node 0's did not");
        Assert.AreEqual(1.0, improvement.ImpAt[2]);
        Assert.IsNull(Improvement.Of([N("0", null, "a", "a")]).Rate);
    }
}
