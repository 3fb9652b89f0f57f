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
    public void AddRoute_IgnoresDuplicates()
    {
        var map = Ring();
        map.AddRoute("A", "B");
        CollectionAssert.AreEqual(new[] { "B", "C" }, map.Destinations("A").ToArray());
    }

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
