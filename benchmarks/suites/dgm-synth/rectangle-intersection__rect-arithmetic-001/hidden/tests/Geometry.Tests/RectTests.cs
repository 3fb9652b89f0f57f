namespace Geometry.Tests;

[TestClass]
public sealed class RectTests
{
    [TestMethod]
    public void AreaIsWidthTimesHeight() => Assert.AreEqual(12, new Rect(0, 0, 3, 4).Area);

    [TestMethod]
    public void SquaresOverlap() => Assert.AreEqual(new Rect(1, 1, 1, 1), new Rect(0, 0, 2, 2).Intersect(new Rect(1, 1, 2, 2)));

    [TestMethod]
    public void WideRectangleDoesNotReachBelowItsHeight() => Assert.IsFalse(new Rect(0, 0, 10, 2).Intersects(new Rect(5, 5, 2, 2)));

    [TestMethod]
    public void IntersectionOfTallAndWide() => Assert.AreEqual(new Rect(2, 1, 2, 3), new Rect(0, 0, 4, 10).Intersect(new Rect(2, 1, 10, 3)));

    [TestMethod]
    public void ContainsUsesHeight()
    {
        var bar = new Rect(0, 0, 10, 1);
        Assert.IsTrue(bar.Contains(9, 0.5));
        Assert.IsFalse(bar.Contains(1, 5));
    }

    [TestMethod]
    public void DisjointGivesNull() => Assert.IsNull(new Rect(0, 0, 1, 1).Intersect(new Rect(3, 3, 1, 1)));

    [TestMethod]
    public void IntersectionIsSymmetric()
    {
        var a = new Rect(0, 0, 8, 3);
        var b = new Rect(5, 1, 2, 9);
        Assert.AreEqual(a.Intersect(b), b.Intersect(a));
        Assert.AreEqual(new Rect(5, 1, 2, 2), a.Intersect(b));
    }

    [TestMethod]
    public void TouchingEdgesDoNotIntersect() => Assert.IsFalse(new Rect(0, 0, 2, 5).Intersects(new Rect(2, 0, 2, 5)));
}
