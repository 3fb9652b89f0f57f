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

    [TestMethod]
    public void AddRoute_IgnoresDuplicates()
    {
        var map = Ring();
        map.AddRoute("A", "B");
        CollectionAssert.AreEqual(new[] { "B", "C" }, map.Destinations("A").ToArray());
    }

    [TestMethod]
    public void HopCount_CountsEdges() => Assert.AreEqual(2, Ring().HopCount("B", "A"));

    [TestMethod]
    public void Destinations_OfDeadEndIsEmpty()
    {
        var map = new RouteMap();
        map.AddRoute("Depot", "Quarry");
        Assert.AreEqual(0, map.Destinations("Quarry").Count);
    }

    [TestMethod]
    public void Destinations_OfUnknownPlaceIsEmpty() => Assert.AreEqual(0, Ring().Destinations("Nowhere").Count);

    [TestMethod]
    public void ShortestPath_NullWhenOnlyDeadEndsRemain()
    {
        var map = new RouteMap();
        map.AddRoute("Depot", "Quarry");
        map.AddRoute("Market", "Depot");
        Assert.IsNull(map.ShortestPath("Depot", "Market"));
        Assert.IsNull(map.HopCount("Depot", "Market"));
    }

    [TestMethod]
    public void ShortestPath_FromUnknownPlaceIsNull() => Assert.IsNull(Ring().ShortestPath("Nowhere", "A"));

    [TestMethod]
    public void ShortestPath_FindsLongerPathPastSeveralDeadEnds()
    {
        var map = new RouteMap();
        map.AddRoute("S", "D1");
        map.AddRoute("S", "M");
        map.AddRoute("M", "D2");
        map.AddRoute("M", "N");
        map.AddRoute("N", "G");
        CollectionAssert.AreEqual(new[] { "S", "M", "N", "G" }, map.ShortestPath("S", "G")!.ToArray());
    }

    [TestMethod]
    public void ReachableFrom_IncludesDeadEnds()
    {
        var map = new RouteMap();
        map.AddRoute("Depot", "Quarry");
        map.AddRoute("Depot", "Mill");
        map.AddRoute("Mill", "Market");
        var reachable = map.ReachableFrom("Depot");
        Assert.IsTrue(reachable.SetEquals(new[] { "Depot", "Quarry", "Mill", "Market" }));
    }

    [TestMethod]
    public void ReachableFrom_CycleTerminates() =>
        Assert.IsTrue(Ring().ReachableFrom("B").SetEquals(new[] { "A", "B", "C" }));
}
