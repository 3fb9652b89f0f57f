namespace Spans;

/// <summary>A half-open range of integers, <c>[Start, End)</c>.</summary>
public readonly record struct Span
{
    public Span(int start, int end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"End {end} is before start {start}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => Length == 0;

    public bool Contains(int point) => point >= Start && point < End;

    public override string ToString() => $"[{Start},{End})";
}
