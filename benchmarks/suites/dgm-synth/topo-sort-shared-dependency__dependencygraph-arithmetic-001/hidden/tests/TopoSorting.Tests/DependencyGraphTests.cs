namespace TopoSorting.Tests;

[TestClass]
public sealed class DependencyGraphTests
{
    [TestMethod]
    public void Sort_Chain_DependenciesFirst()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("app", "http");
        graph.AddDependency("http", "core");
        CollectionAssert.AreEqual(new[] { "core", "http", "app" }, graph.Sort().ToArray());
    }

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
    public void Sort_Cycle_Throws()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("a", "b");
        graph.AddDependency("b", "a");
        var ex = Assert.ThrowsExactly<CycleException>(() => graph.Sort());
        CollectionAssert.AreEqual(new[] { "a", "b", "a" }, ex.Cycle.ToArray());
    }

    [TestMethod]
    public void Sort_SelfDependency_IsCycle()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("loop", "loop");
        Assert.ThrowsExactly<CycleException>(() => graph.Sort());
    }

    [TestMethod]
    public void DependenciesOf_UnknownNode_Throws() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => new DependencyGraph().DependenciesOf("x"));

    [TestMethod]
    public void Sort_Diamond()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("app", "http");
        graph.AddDependency("app", "json");
        graph.AddDependency("http", "core");
        graph.AddDependency("json", "core");
        CollectionAssert.AreEqual(new[] { "core", "http", "json", "app" }, graph.Sort().ToArray());
    }

    [TestMethod]
    public void Sort_TwoRootsShareDependency()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("web", "core");
        graph.AddDependency("cli", "core");
        CollectionAssert.AreEqual(new[] { "core", "cli", "web" }, graph.Sort().ToArray());
    }

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
    public void Sort_CycleBehindSharedDependency_ReportsCycle()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("app", "lib");
        graph.AddDependency("tool", "lib");
        graph.AddDependency("lib", "util");
        graph.AddDependency("util", "lib");
        var ex = Assert.ThrowsExactly<CycleException>(() => graph.Sort());
        CollectionAssert.AreEqual(new[] { "lib", "util", "lib" }, ex.Cycle.ToArray());
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
