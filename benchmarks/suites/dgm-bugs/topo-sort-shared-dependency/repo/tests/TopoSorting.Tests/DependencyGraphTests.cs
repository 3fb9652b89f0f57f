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
}
