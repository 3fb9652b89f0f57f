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
}
