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

    [TestMethod]
    public void Perimeter_Triangle345() => Assert.AreEqual(12, new Polygon([(0, 0), (4, 0), (0, 3)]).Perimeter(), 1e-9);

    [TestMethod]
    public void Area_RectangleAwayFromOrigin() => Assert.AreEqual(12, new Polygon([(1, 1), (5, 1), (5, 4), (1, 4)]).Area(), 1e-9);

    [TestMethod]
    public void Area_LShape()
    {
        var l = new Polygon([(2, 2), (6, 2), (6, 4), (4, 4), (4, 8), (2, 8)]);
        Assert.AreEqual(16, l.Area(), 1e-9);
    }

    [TestMethod]
    public void Orientation_ClockwiseAwayFromOrigin()
    {
        var clockwise = new Polygon([(1, 1), (1, 3), (3, 3), (3, 1)]);
        Assert.IsFalse(clockwise.IsCounterClockwise);
        Assert.AreEqual(-4, clockwise.SignedArea(), 1e-9);
    }

    [TestMethod]
    public void Contains_PointLeftOfPolygonIsOutside() => Assert.IsFalse(Square().Contains(new Point(-1, 2)));

    [TestMethod]
    public void Contains_InsideShiftedTriangle()
    {
        var triangle = new Polygon([(10, 10), (20, 10), (15, 20)]);
        Assert.IsTrue(triangle.Contains(new Point(15, 12)));
        Assert.IsFalse(triangle.Contains(new Point(11, 18)));
        Assert.IsFalse(triangle.Contains(new Point(5, 12)));
    }

    [TestMethod]
    public void Edges_IncludesClosingSide()
    {
        var edges = Square().Edges().ToList();
        Assert.AreEqual(4, edges.Count);
        Assert.AreEqual((new Point(0, 4), new Point(0, 0)), edges[3]);
    }

    [TestMethod]
    public void Vertices_KeepOrder() => Assert.AreEqual(new Point(4, 0), Square().Vertices[1]);
}
