namespace Polygons;

public readonly record struct Point(double X, double Y)
{
    public static implicit operator Point((double X, double Y) tuple) => new(tuple.X, tuple.Y);

    public double DistanceTo(Point other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));
}
