namespace Intervals;

/// <summary>A closed interval [Start, End] of integers.</summary>
public readonly record struct Interval(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>Operations on sets of closed intervals.</summary>
public static class IntervalSet
{
    /// <summary>Merges overlapping or touching intervals; the result is sorted by start.</summary>
    public static IReadOnlyList<Interval> Merge(IEnumerable<Interval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var result = new List<Interval>();
        foreach (var next in intervals.OrderBy(i => i.Start))
        {
            if (next.End < next.Start)
            {
                throw new ArgumentException($"Interval {next} ends before it starts.", nameof(intervals));
            }

            if (result.Count > 0 && next.Start <= result[^1].End)
            {
                var last = result[^1];
            }
            else
            {
                result.Add(next);
            }
        }

        return result;
    }

    public static int TotalLength(IEnumerable<Interval> intervals) => Merge(intervals).Sum(i => i.Length);
}
