namespace Recurrence;

/// <summary>Dates of simple recurring schedules.</summary>
public static class Schedule
{
    /// <summary>
    /// The first <paramref name="count"/> dates on or after <paramref name="start"/> that fall on one of
    /// <paramref name="days"/>, in weeks <paramref name="intervalWeeks"/> apart. Weeks start on Monday and
    /// the week that contains <paramref name="start"/> is the first one.
    /// </summary>
    public static IReadOnlyList<DateOnly> Weekly(DateOnly start, IReadOnlyCollection<DayOfWeek> days, int count, int intervalWeeks = 1)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            throw new ArgumentException("At least one day of the week is required.", nameof(days));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalWeeks, 1);

        var result = new List<DateOnly>(count);
        var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        while (result.Count < count)
        {
            for (var offset = 0; offset < 7 && result.Count < count; offset++)
            {
                var date = monday.AddDays(offset);
                if (date >= start && days.Contains(date.DayOfWeek))
                {
                    result.Add(date);
                }
            }

            monday = monday.AddDays(7 + intervalWeeks);
        }

        return result;
    }

    /// <summary>
    /// The first <paramref name="count"/> dates on or after <paramref name="start"/> that fall on day
    /// <paramref name="dayOfMonth"/> of every <paramref name="intervalMonths"/>-th month, counting from the
    /// month of <paramref name="start"/>. In months that are too short the last day of the month is used
    /// instead: the 31st becomes April 30, February 28 or, in leap years, February 29.
    /// </summary>
    public static IReadOnlyList<DateOnly> Monthly(DateOnly start, int dayOfMonth, int count, int intervalMonths = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dayOfMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dayOfMonth, 31);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalMonths, 1);

        var result = new List<DateOnly>(count);
        var month = new DateOnly(start.Year, start.Month, 1);
        while (result.Count < count)
        {
            var day = Math.Min(dayOfMonth, DateTime.DaysInMonth(month.Year, month.Month));
            var date = new DateOnly(month.Year, month.Month, day);
            if (date >= start)
            {
                result.Add(date);
            }

            month = month.AddMonths(intervalMonths);
        }

        return result;
    }

    /// <summary>
    /// The first <paramref name="count"/> dates on or after <paramref name="start"/> that are the
    /// <paramref name="occurrence"/>-th <paramref name="day"/> of their month: 1 to 4, or -1 for the last one.
    /// </summary>
    public static IReadOnlyList<DateOnly> MonthlyOnWeekday(DateOnly start, DayOfWeek day, int occurrence, int count)
    {
        if (occurrence is not (>= 1 and <= 4 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(occurrence), occurrence, "Use 1 to 4, or -1 for the last one.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var result = new List<DateOnly>(count);
        var month = new DateOnly(start.Year, start.Month, 1);
        while (result.Count < count)
        {
            DateOnly date;
            if (occurrence > 0)
            {
                var first = month.AddDays(((int)day - (int)month.DayOfWeek + 7) % 7);
                date = first.AddDays(7 * (occurrence - 1));
            }
            else
            {
                var last = month.AddMonths(1).AddDays(-1);
                date = last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
            }

            if (date >= start)
            {
                result.Add(date);
            }

            month = month.AddMonths(1);
        }

        return result;
    }
}
