namespace Polygons;

/// <summary>A simple closed polygon; the last vertex is joined back to the first.</summary>
public sealed class Polygon
{
    private readonly Point[] _vertices;

    public Polygon(IEnumerable<Point> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        _vertices = vertices.ToArray();
        if (_vertices.Length < 3)
        {
            throw new ArgumentException("A polygon needs at least three vertices.", nameof(vertices));
        }
    }

    public IReadOnlyList<Point> Vertices => _vertices;

    /// <summary>The sides of the polygon in vertex order, including the side from the last vertex to the first.</summary>
    public IEnumerable<(Point From, Point To)> Edges()
    {
        for (var i = 0; i < _vertices.Length; i++)
        {
            yield return (_vertices[i], _vertices[(i + 1) % _vertices.Length]);
        }
    }

    /// <summary>Shoelace formula: positive for counter-clockwise vertex order, negative for clockwise.</summary>
    public double SignedArea()
    {
        var sum = 0.0;
        foreach (var (a, b) in Edges())
        {
            sum += (a.X * b.Y) - (b.X * a.Y);
        }

        return sum / 2;
    }

    public double Area() => Math.Abs(SignedArea());

    public bool IsCounterClockwise => SignedArea() > 0;

    public double Perimeter() => Edges().Sum(e => e.From.DistanceTo(e.To));

    /// <summary>
    /// Whether <paramref name="point"/> lies inside the polygon (even-odd rule, ray cast towards +X).
    /// Points exactly on an edge may be reported either way.
    /// </summary>
    public bool Contains(Point point)
    {
        var inside = false;
        foreach (var (a, b) in Edges())
        {
            if ((a.Y > point.Y) != (b.Y > point.Y))
            {
                var crossX = a.X + ((point.Y - a.Y) * (b.X - a.X) / (b.Y - a.Y));
                if (point.X < crossX)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    public (Point Min, Point Max) Bounds() =>
        (new Point(_vertices.Min(v => v.X), _vertices.Min(v => v.Y)),
         new Point(_vertices.Max(v => v.X), _vertices.Max(v => v.Y)));
}
