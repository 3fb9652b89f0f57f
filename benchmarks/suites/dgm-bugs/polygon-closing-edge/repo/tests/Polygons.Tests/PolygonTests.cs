namespace Polygons.Tests;

[TestClass]
public sealed class PolygonTests
{
    private static Polygon Square() => new([(0, 0), (4, 0), (4, 4), (0, 4)]);

    [TestMethod]
    public void Constructor_NeedsThreeVertices() =>
        Assert.ThrowsExactly<ArgumentException>(() => new Polygon([(0, 0), (1, 1)]));

    [TestMethod]
    public void Area_Square() => Assert.AreEqual(16, Square().Area(), 1e-9);

    [TestMethod]
    public void Area_RightTriangle() => Assert.AreEqual(6, new Polygon([(0, 0), (4, 0), (0, 3)]).Area(), 1e-9);

    [TestMethod]
    public void Contains_CenterAndRightSide()
    {
        Assert.IsTrue(Square().Contains(new Point(2, 2)));
        Assert.IsFalse(Square().Contains(new Point(5, 2)));
    }

    [TestMethod]
    public void Bounds_Square() => Assert.AreEqual((new Point(0, 0), new Point(4, 4)), Square().Bounds());

    [TestMethod]
    public void Perimeter_Square() => Assert.AreEqual(16, Square().Perimeter(), 1e-9);
}
