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
    public void DistanceToSelfIsZero()
    {
        var graph = new Graph();
        graph.AddRoad("A", "B", 3);
        Assert.AreEqual(0, graph.ShortestDistance("A", "A"));
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
