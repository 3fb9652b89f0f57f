namespace Pathfinding.Tests;

[TestClass]
public sealed class RouteMapTests
{
    private static RouteMap Ring()
    {
        var map = new RouteMap();
        map.AddRoute("A", "B");
        map.AddRoute("B", "C");
        map.AddRoute("C", "A");
        map.AddRoute("A", "C");
        return map;
    }

    [TestMethod]
    public void Destinations_ListsDirectRoutesInOrder() =>
        CollectionAssert.AreEqual(new[] { "B", "C" }, Ring().Destinations("A").ToArray());

    [TestMethod]
    public void ShortestPath_PrefersFewestHops() =>
        CollectionAssert.AreEqual(new[] { "A", "C" }, Ring().ShortestPath("A", "C")!.ToArray());

    [TestMethod]
    public void ShortestPath_StartIsGoal() =>
        CollectionAssert.AreEqual(new[] { "B" }, Ring().ShortestPath("B", "B")!.ToArray());

    [TestMethod]
    public void ShortestPath_NullWhenDisconnected()
    {
        var map = Ring();
        map.AddRoute("X", "Y");
        map.AddRoute("Y", "X");
        Assert.IsNull(map.ShortestPath("A", "X"));
    }

    [TestMethod]
    public void ShortestPath_SkipsDeadEnds()
    {
        var map = new RouteMap();
        map.AddRoute("Depot", "Quarry");
        map.AddRoute("Depot", "Mill");
        map.AddRoute("Mill", "Market");
        CollectionAssert.AreEqual(new[] { "Depot", "Mill", "Market" }, map.ShortestPath("Depot", "Market")!.ToArray());
    }
}
