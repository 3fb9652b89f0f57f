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
        StringAssert.Contains(error.Message, "dgm, greedy, latest, random, hgm, pareto");
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

    /// <summary>A node with train results: the first <paramref name="resolved"/> of <paramref name="tasks"/> tasks resolved.</summary>
    private static Node Seen(string id, int resolved, int tasks, string? parent = null, int diff = 0) => new()
    {
        Id = id,
        ParentId = parent,
        Score = (double)resolved / tasks,
        DiffLines = diff,
        Status = NodeStatus.Valid,
        Results = [.. Enumerable.Range(0, tasks).Select(i => new TaskOutcome($"t{i}", "train", 1, i < resolved ? "resolved" : "unresolved", i < resolved, true, null, 1))],
    };

    /// <summary>A node that resolved exactly the named train tasks of those it attempted.</summary>
    private static Node Solving(string id, string[] attempted, string[] resolved, int diff = 0, int children = 0) => new()
    {
        Id = id,
        ParentId = id == "0" ? null : "0",
        Score = (double)resolved.Length / attempted.Length,
        DiffLines = diff,
        Children = children,
        Status = NodeStatus.Valid,
        Results = [.. attempted.Select(t => new TaskOutcome(t, "train", 1, resolved.Contains(t) ? "resolved" : "unresolved", resolved.Contains(t), true, null, 1))],
    };

    [TestMethod]
    public void A_node_seen_on_ten_tasks_does_not_outrank_one_seen_on_fifty_by_luck()
    {
        // 7/10 has the higher plain score (70% against 64%), but ten tasks say little: every score-based policy ranks 32/50 first.
        Node[] archive = [Seen("0", 32, 50), Seen("1", 7, 10, "0")];

        Assert.IsTrue(archive[1].Score > archive[0].Score);
        Assert.IsTrue(ParentSelectors.SelectionScore(archive[0]) > ParentSelectors.SelectionScore(archive[1]));
        Assert.AreEqual("0", new GreedySelector().Choose(archive, 1, new Random(1)).Single().Id);
        var p = new ScoreChildProportional().Probabilities(archive).ToDictionary(w => w.Node.Id, w => w.Probability);
        Assert.IsTrue(p["0"] > p["1"], string.Join(", ", p));

        // A lead larger than luck explains still wins: 10/10 against 32/50.
        Node[] clear = [Seen("0", 32, 50), Seen("1", 10, 10, "0")];
        Assert.AreEqual("1", new GreedySelector().Choose(clear, 1, new Random(1)).Single().Id);

        // Equally seen nodes keep the paper's order by plain score.
        Assert.IsTrue(ParentSelectors.SelectionScore(Seen("2", 33, 50)) > ParentSelectors.SelectionScore(Seen("3", 32, 50)));
    }

    [TestMethod]
    public void Ties_go_to_the_node_with_the_smaller_diff_then_to_the_older()
    {
        Node[] archive = [Seen("0", 2, 10), Seen("1", 6, 10, "0", diff: 120), Seen("2", 6, 10, "0", diff: 8), Seen("3", 6, 10, "0", diff: 8)];

        Assert.AreEqual("2", ParentSelectors.Best(archive).Id);
        Assert.AreEqual("2", new GreedySelector().Choose(archive, 1, new Random(1)).Single().Id);
    }

    [TestMethod]
    public void Pareto_keeps_a_weak_node_that_alone_resolves_a_task_and_drops_the_dominated()
    {
        string[] tasks = ["a", "b", "c", "d", "e"];
        Node[] archive =
        [
            Solving("0", tasks, ["a"]),
            Solving("1", tasks, ["a", "b", "c"]),
            Solving("2", tasks, ["e"]), // weakest score, but the only one to resolve e
            Solving("3", tasks, ["a", "b"]), // dominated by 1
            Solving("4", tasks, []),
        ];

        var p = ParetoSelector.Probabilities(archive).ToDictionary(w => w.Node.Id, w => w.Probability);

        CollectionAssert.AreEquivalent(new[] { "1", "2" }, p.Keys.ToArray());
        Assert.AreEqual(1.0, p.Values.Sum(), 1e-12);
        Assert.AreEqual(3.0 / 4, p["1"], 1e-12, "1 alone resolves a, b, c; 2 alone resolves e");
        var picks = new ParetoSelector().Choose(archive, 200, new Random(5)).Select(n => n.Id).ToHashSet();
        CollectionAssert.AreEquivalent(new[] { "1", "2" }, picks.ToArray());
    }

    [TestMethod]
    public void Pareto_counts_nodes_resolving_the_same_tasks_once_the_smaller_diff_and_falls_back_to_all_when_nothing_is_resolved()
    {
        string[] tasks = ["a", "b"];
        Node[] same = [Solving("0", tasks, ["a"]), Solving("1", tasks, ["b"], diff: 40), Solving("2", tasks, ["b"], diff: 5), Solving("3", tasks, ["b"], diff: 5)];

        var p = ParetoSelector.Probabilities(same).ToDictionary(w => w.Node.Id, w => w.Probability);

        CollectionAssert.AreEquivalent(new[] { "0", "2" }, p.Keys.ToArray());

        Node[] none = [Solving("0", tasks, []), Solving("1", tasks, [])];
        var all = ParetoSelector.Probabilities(none);
        Assert.AreEqual(2, all.Count);
        Assert.AreEqual(0.5, all[0].Probability, 1e-12);
    }

    [TestMethod]
    public void Pareto_favours_front_nodes_with_fewer_children()
    {
        string[] tasks = ["a", "b"];
        Node[] archive = [Solving("0", tasks, ["a"], children: 3), Solving("1", tasks, ["b"])];

        var p = ParetoSelector.Probabilities(archive).ToDictionary(w => w.Node.Id, w => w.Probability);

        Assert.AreEqual(0.8, p["1"], 1e-12, "weights 1/(1+3) and 1/(1+0)");
    }

    [TestMethod]
    public void Beta_draws_have_the_right_mean()
    {
        var random = new Random(3);
        var mean = Enumerable.Range(0, 20000).Average(_ => Beta.Sample(2, 6, random));

        Assert.AreEqual(0.25, mean, 0.01);
    }
}
