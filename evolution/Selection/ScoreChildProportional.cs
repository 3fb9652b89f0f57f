using Dgm.Archive;

namespace Dgm.Evolution.Selection;

/// <summary>
/// The DGM paper's "score_child_prop": p_i ∝ sigmoid(λ (α_i − α₀)) · 1 / (1 + n_i), with λ = 10, α₀ = 0.5,
/// α_i the node's score (discounted for partial evaluation: <see cref="ParentSelectors.SelectionScore"/>) and n_i its children in the archive. Nodes at a perfect score are left out
/// (nothing to improve), unless every node is perfect.
/// </summary>
public sealed class ScoreChildProportional(double lambda = 10, double alpha0 = 0.5) : IParentSelector
{
    public IReadOnlyList<Node> Choose(IReadOnlyList<Node> archive, int count, Random random)
    {
        var weighted = Probabilities(archive);
        var weights = weighted.Select(w => w.Probability).ToList();
        return [.. Enumerable.Range(0, count).Select(_ => weighted[ParentSelectors.Draw(weights, random)].Node)];
    }

    /// <summary>Each candidate with its selection probability (they sum to 1).</summary>
    public IReadOnlyList<(Node Node, double Probability)> Probabilities(IReadOnlyList<Node> archive)
    {
        var nodes = ParentSelectors.RequireSome(archive);
        var candidates = nodes.Where(n => n.Score < 1.0).ToList() is { Count: > 0 } imperfect ? imperfect : [.. nodes];
        var weights = candidates.Select(n => Sigmoid(ParentSelectors.SelectionScore(n)) / (1.0 + n.Children)).ToList();
        var total = weights.Sum();
        return [.. candidates.Zip(weights, (n, w) => (n, w / total))];
    }

    private double Sigmoid(double score) => 1.0 / (1.0 + Math.Exp(-lambda * (score - alpha0)));
}
