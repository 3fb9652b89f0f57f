namespace TopoSorting.Tests;

[TestClass]
public sealed class DependencyGraphTests
{

    [TestMethod]
    public void Sort_IndependentNodes_InNameOrder()
    {
        var graph = new DependencyGraph();
        graph.AddNode("zeta");
        graph.AddNode("alpha");
        graph.AddNode("mid");
        CollectionAssert.AreEqual(new[] { "alpha", "mid", "zeta" }, graph.Sort().ToArray());
    }

    [TestMethod]
    public void DependenciesOf_UnknownNode_Throws() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => new DependencyGraph().DependenciesOf("x"));

    [TestMethod]
    public void Sort_EveryNodeOnceAndAfterItsDependencies()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("d", "a");
        graph.AddDependency("d", "b");
        graph.AddDependency("c", "a");
        graph.AddDependency("b", "a");
        graph.AddDependency("e", "d");
        graph.AddDependency("e", "c");
        var order = graph.Sort().ToList();
        Assert.AreEqual(5, order.Count);
        Assert.AreEqual(5, order.Distinct().Count());
        foreach (var node in graph.Nodes)
        {
            foreach (var dependency in graph.DependenciesOf(node))
            {
                Assert.IsLessThan(order.IndexOf(node), order.IndexOf(dependency), $"{dependency} should come before {node}");
            }
        }
    }

    [TestMethod]
    public void DependencyClosure_SharedDependency()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("app", "http");
        graph.AddDependency("app", "json");
        graph.AddDependency("http", "core");
        graph.AddDependency("json", "core");
        graph.AddNode("unrelated");
        CollectionAssert.AreEqual(new[] { "core", "http", "json" }, graph.DependencyClosure("app").ToArray());
    }

    [TestMethod]
    public void DependencyClosure_Leaf_IsEmpty()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("app", "core");
        Assert.AreEqual(0, graph.DependencyClosure("core").Count);
    }

    [TestMethod]
    public void Sort_EmptyGraph() => Assert.AreEqual(0, new DependencyGraph().Sort().Count);
}
