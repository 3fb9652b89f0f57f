namespace Ranges;

/// <summary>An inclusive range of calendar dates.</summary>
public sealed class DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"End {end} is before start {start}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>Number of days in the range, counting both ends.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;

    public IEnumerable<DateOnly> EachDay()
    {
        for (var d = Start; d >= End; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
