namespace BusinessHours;

/// <summary>Regular opening hours for each day of the week. Days without windows are closed.</summary>
public sealed class WeeklyHours
{
    private readonly Dictionary<DayOfWeek, List<TimeWindow>> _days = new();

    public WeeklyHours Add(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        var window = new TimeWindow(opens, closes);
        if (!_days.TryGetValue(day, out var windows))
        {
            windows = new List<TimeWindow>();
            _days[day] = windows;
        }

        if (windows.Any(w => w.Overlaps(window)))
        {
            throw new InvalidOperationException($"{window} overlaps the existing hours on {day}.");
        }

        windows.Add(window);
        windows.Sort((a, b) => a.Opens.CompareTo(b.Opens));
        return this;
    }

    public WeeklyHours AddWeekdays(TimeOnly opens, TimeOnly closes)
    {
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            Add(day, opens, closes);
        }

        return this;
    }

    public IReadOnlyList<TimeWindow> WindowsOn(DayOfWeek day) =>
        _days.TryGetValue(day, out var windows) ? windows : Array.Empty<TimeWindow>();

    public bool IsOpen(DateTime at)
    {
        var time = TimeOnly.FromDateTime(at);
        return WindowsOn(at.DayOfWeek).Any(w => w.Contains(time));
    }

    /// <summary>
    /// The moment the shop is next open, at or after <paramref name="from"/>: <paramref name="from"/>
    /// itself when it is open then, otherwise the start of the next window. Null when it never opens.
    /// </summary>
    public DateTime? NextOpening(DateTime from)
    {
        if (IsOpen(from))
        {
            return from;
        }

        var firstDate = DateOnly.FromDateTime(from);
        for (var offset = 0; offset <= 7; offset++)
        {
            var date = firstDate.AddDays(offset);
            foreach (var window in WindowsOn(date.DayOfWeek))
            {
                var opening = date.ToDateTime(window.Opens);
                if (opening >= from)
                {
                    return opening;
                }
            }
        }

        return null;
    }
}
