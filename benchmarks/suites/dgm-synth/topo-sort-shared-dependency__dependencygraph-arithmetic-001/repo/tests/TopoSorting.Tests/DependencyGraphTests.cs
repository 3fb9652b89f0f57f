namespace TopoSorting.Tests;

[TestClass]
public sealed class DependencyGraphTests
{

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
    public void DependencyClosure_Leaf_IsEmpty()
    {
        var graph = new DependencyGraph();
        graph.AddDependency("app", "core");
        Assert.AreEqual(0, graph.DependencyClosure("core").Count);
    }

    [TestMethod]
    public void Sort_EmptyGraph() => Assert.AreEqual(0, new DependencyGraph().Sort().Count);
}
