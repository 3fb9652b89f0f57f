using Dgm.Archive;
using Dgm.Cli.Rendering;

namespace Dgm.Tests.Cli.Report;

[TestClass]
public sealed class FamilyTests
{
    [TestMethod]
    public void Children_are_ordered_by_numeric_id_and_the_seed_is_the_root()
    {
        var family = new Family(
        [
            Families.Node("0", null, 0, 0, Families.Start, null, 0.1),
            Families.Node("10", "0", 1, 3, Families.Start, null, 0.1),
            Families.Node("9", "0", 1, 2, Families.Start, null, 0.1),
        ]);

        Assert.AreEqual("0", family.Roots.Single().Id);
        CollectionAssert.AreEqual(new[] { "9", "10" }, family.ChildrenOf("0").Select(n => n.Id).ToArray());
        CollectionAssert.AreEqual(new[] { "0", "9", "10" }, family.Nodes.Select(n => n.Id).ToArray());
    }

    [TestMethod]
    public void The_best_is_the_highest_valid_score_and_its_lineage_leads_to_the_seed()
    {
        var family = new Family(Families.Small());

        Assert.AreEqual("3", family.Best?.Id);
        CollectionAssert.AreEqual(new[] { "3", "1", "0" }, family.BestLineage.Select(n => n.Id).ToArray());
        Assert.IsFalse(family.IsOnBestLineage(family.Find("2")!));
    }

    [TestMethod]
    public void A_tie_goes_to_the_smaller_numeric_id_and_invalid_or_pending_scores_never_win()
    {
        var family = new Family(
        [
            Families.Node("0", null, 0, 0, Families.Start, null, 0.6),
            Families.Node("10", "0", 1, 1, Families.Start, null, 0.8),
            Families.Node("9", "0", 1, 1, Families.Start, null, 0.8),
            Families.Node("11", "0", 1, 1, Families.Start, null, 0.9) with { Status = NodeStatus.Invalid },
            Families.Node("12", "0", 1, 1, Families.Start, null, 1.0) with { Status = NodeStatus.PendingApproval },
        ]);

        Assert.AreEqual("9", family.Best?.Id);
    }

    [TestMethod]
    public void The_seed_can_be_the_best()
    {
        var family = new Family(
        [
            Families.Node("0", null, 0, 0, Families.Start, null, 0.5),
            Families.Node("1", "0", 1, 1, Families.Start, null, 0.5),
        ]);

        Assert.AreEqual("0", family.Best?.Id);
        Assert.AreEqual(1, family.BestLineage.Count);
    }

    [TestMethod]
    public void Progress_gives_best_and_mean_of_valid_nodes_up_to_each_iteration()
    {
        var progress = new Family(Families.Small()).Progress();

        Assert.AreEqual(3, progress.Count);
        AssertPoint(progress[0], iteration: 0, best: 0.3, mean: 0.3, valid: 1);
        AssertPoint(progress[1], iteration: 1, best: 0.4, mean: 0.35, valid: 2);
        AssertPoint(progress[2], iteration: 2, best: 0.6, mean: (0.3 + 0.4 + 0.6) / 3, valid: 3);
    }

    [TestMethod]
    public void Progress_covers_iterations_without_new_nodes_and_has_no_score_before_any_valid_node()
    {
        var progress = new Family(
        [
            Families.Node("0", null, 0, 0, Families.Start, null, null),
            Families.Node("1", "0", 1, 3, Families.Start, null, 0.2),
        ]).Progress();

        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3 }, progress.Select(p => p.Iteration).ToArray());
        Assert.IsNull(progress[2].Best);
        Assert.IsNull(progress[2].Mean);
        Assert.AreEqual(new ProgressPoint(3, 0.2, 0.2, 1), progress[3]);
    }

    [TestMethod]
    public void A_duplicate_id_or_a_parent_cycle_is_refused_with_the_reason()
    {
        var duplicate = Assert.ThrowsExactly<ArgumentException>(() => new Family(
            [Families.Node("0", null, 0, 0, Families.Start, null, 0.1), Families.Node("0", null, 0, 0, Families.Start, null, 0.2)]));
        StringAssert.Contains(duplicate.Message, "'0' appears twice");

        var cycle = Assert.ThrowsExactly<ArgumentException>(() => new Family(
        [
            Families.Node("0", null, 0, 0, Families.Start, null, 0.1),
            Families.Node("1", "2", 1, 1, Families.Start, null, 0.1),
            Families.Node("2", "1", 1, 1, Families.Start, null, 0.1),
        ]));
        StringAssert.Contains(cycle.Message, "cycle");
    }

    [TestMethod]
    public void A_node_whose_parent_is_missing_is_shown_as_a_root()
    {
        var family = new Family([Families.Node("0", null, 0, 0, Families.Start, null, 0.1), Families.Node("5", "4", 2, 2, Families.Start, null, 0.1)]);

        CollectionAssert.AreEqual(new[] { "0", "5" }, family.Roots.Select(n => n.Id).ToArray());
    }

    private static void AssertPoint(ProgressPoint point, int iteration, double best, double mean, int valid)
    {
        Assert.AreEqual(iteration, point.Iteration);
        Assert.AreEqual(best, point.Best!.Value, 1e-12);
        Assert.AreEqual(mean, point.Mean!.Value, 1e-12);
        Assert.AreEqual(valid, point.Valid);
    }
}
