namespace BuildOrder.Tests;

[TestClass]
public sealed class DependencyGraphTests
{
    [TestMethod]
    public void IndependentProjectsSortByName()
    {
        var graph = new DependencyGraph();
        graph.Add("b");
        graph.Add("a");
        CollectionAssert.AreEqual(new[] { "a", "b" }, graph.BuildOrder().ToArray());
    }

    [TestMethod]
    public void DependenciesComeFirst()
    {
        var graph = new DependencyGraph();
        graph.Add("app", "lib");
        graph.Add("lib", "core");
        CollectionAssert.AreEqual(new[] { "core", "lib", "app" }, graph.BuildOrder().ToArray());
    }

    [TestMethod]
    public void CycleThrowsNamingItsMembers()
    {
        var graph = new DependencyGraph();
        graph.Add("a", "b");
        graph.Add("b", "a");
        graph.Add("c");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => graph.BuildOrder());
        StringAssert.Contains(error.Message, "a, b");
    }

    [TestMethod]
    public void DiamondBuildsSharedDependencyOnce()
    {
        var graph = new DependencyGraph();
        graph.Add("app", "left", "right");
        graph.Add("left", "core");
        graph.Add("right", "core");
        CollectionAssert.AreEqual(new[] { "core", "left", "right", "app" }, graph.BuildOrder().ToArray());
    }

    [TestMethod]
    public void EveryProjectAfterItsDependencies()
    {
        var graph = new DependencyGraph();
        graph.Add("web", "api", "ui");
        graph.Add("api", "data", "auth");
        graph.Add("ui", "auth");
        graph.Add("data", "core");
        graph.Add("auth", "core");
        var order = graph.BuildOrder().ToList();
        Assert.AreEqual(6, order.Count);
        Assert.IsTrue(order.IndexOf("core") < order.IndexOf("auth"));
        Assert.IsTrue(order.IndexOf("auth") < order.IndexOf("ui"));
        Assert.IsTrue(order.IndexOf("api") < order.IndexOf("web"));
    }
}
