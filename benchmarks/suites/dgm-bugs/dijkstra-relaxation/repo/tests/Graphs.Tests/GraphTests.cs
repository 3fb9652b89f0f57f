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
}
