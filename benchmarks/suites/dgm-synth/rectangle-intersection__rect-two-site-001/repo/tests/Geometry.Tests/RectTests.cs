namespace Geometry.Tests;

[TestClass]
public sealed class RectTests
{
    [TestMethod]
    public void AreaIsWidthTimesHeight() => Assert.AreEqual(12, new Rect(0, 0, 3, 4).Area);

    [TestMethod]
    public void WideRectangleDoesNotReachBelowItsHeight() => Assert.IsFalse(new Rect(0, 0, 10, 2).Intersects(new Rect(5, 5, 2, 2)));

    [TestMethod]
    public void DisjointGivesNull() => Assert.IsNull(new Rect(0, 0, 1, 1).Intersect(new Rect(3, 3, 1, 1)));

    [TestMethod]
    public void TouchingEdgesDoNotIntersect() => Assert.IsFalse(new Rect(0, 0, 2, 5).Intersects(new Rect(2, 0, 2, 5)));
}
