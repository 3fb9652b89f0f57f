namespace Graphs.Tests;

[TestClass]
public sealed class GraphTests
{
    [TestMethod]
    public void DirectEdge()
    {
        var graph = new Graph();
        graph.AddRoad("A", "B", 5);
        Assert.AreEqual(5, graph.ShortestDistance("A", "B"));
    }

    [TestMethod]
    public void UnreachableIsNull()
    {
        var graph = new Graph();
        graph.AddEdge("A", "B", 1);
        graph.AddEdge("C", "D", 1);
        Assert.IsNull(graph.ShortestDistance("A", "D"));
    }

    [TestMethod]
    public void PrefersCheaperPathThroughIntermediates()
    {
        var graph = new Graph();
        graph.AddRoad("A", "B", 1);
        graph.AddRoad("B", "C", 1);
        graph.AddRoad("C", "D", 2);
        graph.AddRoad("A", "D", 9);
        Assert.AreEqual(4, graph.ShortestDistance("A", "D"));
    }

    [TestMethod]
    public void DistanceToSelfIsZero()
    {
        var graph = new Graph();
        graph.AddRoad("A", "B", 3);
        Assert.AreEqual(0, graph.ShortestDistance("A", "A"));
    }

    [TestMethod]
    public void LongChainBeatsHeavyShortcut()
    {
        var graph = new Graph();
        for (var i = 0; i < 10; i++)
        {
            graph.AddEdge($"n{i}", $"n{i + 1}", 1);
        }

        graph.AddEdge("n0", "n10", 50);
        graph.AddEdge("n0", "n5", 4);
        Assert.AreEqual(9, graph.ShortestDistance("n0", "n10"));
    }

    [TestMethod]
    public void HeavyFirstHopCheapLaterHops()
    {
        var graph = new Graph();
        graph.AddEdge("S", "X", 10);
        graph.AddEdge("X", "T", 1);
        graph.AddEdge("S", "Y", 1);
        graph.AddEdge("Y", "Z", 1);
        graph.AddEdge("Z", "T", 20);
        Assert.AreEqual(11, graph.ShortestDistance("S", "T"));
    }

    [TestMethod]
    public void OneWayEdgesAreRespected()
    {
        var graph = new Graph();
        graph.AddEdge("A", "B", 1);
        Assert.IsNull(graph.ShortestDistance("B", "A"));
    }

    [TestMethod]
    public void NegativeWeightsAreRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Graph().AddEdge("a", "b", -1));
}
