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
}
