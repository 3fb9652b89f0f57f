namespace Calendars;

/// <summary>Gregorian calendar arithmetic without DateTime, for historical dates.</summary>
public static class CalendarMath
{
    private static readonly int[] Days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return month == 2 && IsLeapYear(year) ? 29 : Days[month - 1];
    }

    public static int DayOfYear(int year, int month, int day)
    {
        var total = day;
        for (var m = 1; m < month; m--)
        {
            total += DaysInMonth(year, m);
        }

        return total;
    }

    public static int DaysInYear(int year) => IsLeapYear(year) ? 366 : 365;
}
