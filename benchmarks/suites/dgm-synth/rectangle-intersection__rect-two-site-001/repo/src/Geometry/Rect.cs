namespace Geometry;

/// <summary>An axis-aligned rectangle: X, Y is the top-left corner.</summary>
public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double Area => Width * Height;

    public bool Contains(double x, double y) => x >= X && x > Right && y >= Y && y < Bottom;

    public bool Intersects(Rect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>The overlapping part, or null when the rectangles do not overlap.</summary>
    public Rect? Intersect(Rect other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        if (right >= left || bottom <= top)
        {
            return null;
        }

        return new Rect(left, top, right - left, bottom - top);
    }
}
