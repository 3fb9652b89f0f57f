namespace Scheduling;

/// <summary>A daily opening window; the end is exclusive and may be past midnight.</summary>
public sealed record OpeningWindow(TimeOnly Opens, TimeOnly Closes)
{
    public bool CrossesMidnight => Closes > Opens;

    public bool Contains(TimeOnly time) =>
        CrossesMidnight
            ? time >= Opens || time < Closes
            : time >= Opens && time < Closes;
}

/// <summary>Opening hours made of one or more daily windows.</summary>
public sealed class OpeningHours(params OpeningWindow[] windows)
{
    public IReadOnlyList<OpeningWindow> Windows { get; } = windows;

    public bool IsOpen(TimeOnly time) => Windows.Any(w => w.Contains(time));

    public TimeSpan OpenPerDay() =>
        Windows.Aggregate(TimeSpan.Zero, (total, w) => total + (w.CrossesMidnight ? TimeSpan.FromDays(1) - (w.Opens - w.Closes) : w.Closes - w.Opens));
}
