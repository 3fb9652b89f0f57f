using Dgm.Archive;
using Dgm.Evolution.Selection;

namespace Dgm.Tests.Evolution;

[TestClass]
public sealed class SelectionTests
{
    private static Node N(string id, double? score, string? parent = null, int children = 0, NodeStatus status = NodeStatus.Valid, params (string Split, bool Resolved)[] results) => new()
    {
        Id = id,
        ParentId = parent,
        Score = score,
        Children = children,
        Status = status,
        Results = [.. results.Select((r, i) => new TaskOutcome($"t{i}", r.Split, 1, r.Resolved ? "resolved" : "unresolved", r.Resolved, true, null, 1))],
    };

    [TestMethod]
    public void Score_child_prop_matches_the_papers_formula()
    {
        Node[] archive = [N("0", 0.2, children: 2), N("1", 0.5, "0", children: 0), N("2", 0.7, "0", children: 1)];
        static double S(double a) => 1 / (1 + Math.Exp(-10 * (a - 0.5)));
        var raw = new[] { S(0.2) / 3, S(0.5) / 1, S(0.7) / 2 };

        var p = new ScoreChildProportional().Probabilities(archive);

        for (var i = 0; i < 3; i++)
        {
            Assert.AreEqual(raw[i] / raw.Sum(), p[i].Probability, 1e-12, archive[i].Id);
        }
    }

    [TestMethod]
    public void Score_child_prop_leaves_out_perfect_and_invalid_nodes_but_keeps_weak_ones_possible()
    {
        Node[] archive = [N("0", 0.0), N("1", 1.0, "0"), N("2", 0.9, "0", status: NodeStatus.Invalid), N("3", 0.6, "0", status: NodeStatus.PendingApproval)];

        var p = new ScoreChildProportional().Probabilities(archive);

        Assert.AreEqual(1, p.Count);
        Assert.AreEqual("0", p[0].Node.Id);
        Assert.AreEqual(1.0, p[0].Probability, 1e-12);
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_choices_for_every_policy()
    {
        Node[] archive = [N("0", 0.3, children: 1, results: [("train", true), ("train", false)]), N("1", 0.4, "0", results: [("train", true)]), N("2", 0.6, "0", results: [("train", false)])];
        foreach (var name in ParentSelectors.Names)
        {
            var a = ParentSelectors.Create(name).Choose(archive, 8, new Random(42)).Select(n => n.Id);
            var b = ParentSelectors.Create(name).Choose(archive, 8, new Random(42)).Select(n => n.Id);
            CollectionAssert.AreEqual(a.ToList(), b.ToList(), name);
        }
    }

    [TestMethod]
    public void Greedy_takes_the_best_with_ties_to_the_older_node_and_latest_takes_the_newest_valid()
    {
        Node[] archive = [N("0", 0.5), N("1", 0.5, "0"), N("10", 0.2, "1"), N("11", 0.9, "1", status: NodeStatus.Invalid)];

        Assert.AreEqual("0", new GreedySelector().Choose(archive, 1, new Random(1)).Single().Id);
        Assert.AreEqual("10", new LatestSelector().Choose(archive, 1, new Random(1)).Single().Id);
    }

    [TestMethod]
    public void An_archive_without_an_evaluated_valid_node_is_a_clear_error()
    {
        Node[] archive = [N("0", null, status: NodeStatus.Evaluating)];

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new ScoreChildProportional().Choose(archive, 1, new Random(1)));
        StringAssert.Contains(error.Message, "seed must be evaluated");
    }

    [TestMethod]
    public void An_unknown_policy_names_the_known_ones()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => ParentSelectors.Create("best"));
        StringAssert.Contains(error.Message, "dgm, greedy, latest, random, hgm");
    }

    [TestMethod]
    public void Clade_counts_pool_the_whole_subtree()
    {
        Node[] archive =
        [
            N("0", 0.5, results: [("train", true), ("train", false), ("holdout", true)]),
            N("1", 0.0, "0", results: [("train", false)]),
            N("2", 1.0, "1", results: [("train", true), ("train", true)]),
        ];

        var clades = CladeThompsonSelector.CladeCounts(archive);

        Assert.AreEqual((3, 2), clades["0"]);
        Assert.AreEqual((2, 1), clades["1"]);
        Assert.AreEqual((2, 0), clades["2"]);
    }

    [TestMethod]
    public void Hgm_prefers_a_weak_node_whose_descendants_do_well()
    {
        // Node 1 scores nothing itself but its child solved everything; node 3 is mediocre with no children.
        var results = Enumerable.Repeat(("train", true), 10).ToArray();
        Node[] archive =
        [
            N("0", 0.5, results: [("train", true), ("train", false)]),
            N("1", 0.0, "0", results: [("train", false), ("train", false)]),
            N("2", 1.0, "1", status: NodeStatus.Invalid, results: results),
            N("3", 0.5, "0", results: [.. Enumerable.Repeat(("train", true), 5), .. Enumerable.Repeat(("train", false), 5)]),
        ];

        var picks = new CladeThompsonSelector().Choose(archive, 400, new Random(7)).GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.Count());

        Assert.IsTrue(picks.GetValueOrDefault("1") > picks.GetValueOrDefault("3"), string.Join(", ", picks));
    }

    [TestMethod]
    public void Beta_draws_have_the_right_mean()
    {
        var random = new Random(3);
        var mean = Enumerable.Range(0, 20000).Average(_ => Beta.Sample(2, 6, random));

        Assert.AreEqual(0.25, mean, 0.01);
    }
}
