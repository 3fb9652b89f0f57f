namespace Recurrence.Tests;

[TestClass]
public sealed class ScheduleTests
{
    private static string Dates(IEnumerable<DateOnly> dates) => string.Join(" ", dates.Select(d => d.ToString("O")));

    [TestMethod]
    public void Weekly_MondaysAndThursdays() =>
        Assert.AreEqual(
            "2024-05-02 2024-05-06 2024-05-09 2024-05-13",
            Dates(Schedule.Weekly(new DateOnly(2024, 5, 1), [DayOfWeek.Monday, DayOfWeek.Thursday], 4)));

    [TestMethod]
    public void Weekly_EveryOtherWeek() =>
        Assert.AreEqual(
            "2024-05-06 2024-05-20 2024-06-03",
            Dates(Schedule.Weekly(new DateOnly(2024, 5, 6), [DayOfWeek.Monday], 3, intervalWeeks: 2)));

    [TestMethod]
    public void Weekly_RejectsEmptyDays() =>
        Assert.ThrowsExactly<ArgumentException>(() => Schedule.Weekly(new DateOnly(2024, 5, 6), [], 3));

    [TestMethod]
    public void Monthly_FifteenthAcrossYearEnd() =>
        Assert.AreEqual(
            "2024-12-15 2025-01-15 2025-02-15",
            Dates(Schedule.Monthly(new DateOnly(2024, 11, 20), 15, 3)));

    [TestMethod]
    public void Monthly_ClampsToShortMonths() =>
        Assert.AreEqual(
            "2024-01-31 2024-02-29 2024-03-31 2024-04-30",
            Dates(Schedule.Monthly(new DateOnly(2024, 1, 31), 31, 4)));

    [TestMethod]
    public void MonthlyOnWeekday_SecondTuesday() =>
        Assert.AreEqual(
            "2024-01-09 2024-02-13 2024-03-12",
            Dates(Schedule.MonthlyOnWeekday(new DateOnly(2024, 1, 1), DayOfWeek.Tuesday, 2, 3)));

    [TestMethod]
    public void Monthly_LeapDayInFollowingYear() =>
        Assert.AreEqual(
            "2023-12-29 2024-01-29 2024-02-29",
            Dates(Schedule.Monthly(new DateOnly(2023, 12, 29), 29, 3)));

    [TestMethod]
    public void Monthly_ThirtyFirstIntoNextYear()
    {
        var dates = Schedule.Monthly(new DateOnly(2024, 1, 31), 31, 14);
        Assert.AreEqual(14, dates.Count);
        Assert.AreEqual("2024-12-31 2025-01-31 2025-02-28", Dates(dates.Skip(11)));
    }

    [TestMethod]
    public void Monthly_YearlyFromLeapDay() =>
        Assert.AreEqual(
            "2024-02-29 2025-02-28 2026-02-28 2027-02-28 2028-02-29",
            Dates(Schedule.Monthly(new DateOnly(2024, 2, 29), 29, 5, intervalMonths: 12)));

    [TestMethod]
    public void Monthly_QuarterlyOnThirtieth() =>
        Assert.AreEqual(
            "2023-11-30 2024-02-29 2024-05-30",
            Dates(Schedule.Monthly(new DateOnly(2023, 11, 30), 30, 3, intervalMonths: 3)));

    [TestMethod]
    public void Monthly_SkipsDayBeforeStart() =>
        Assert.AreEqual(
            "2024-04-10 2024-05-10",
            Dates(Schedule.Monthly(new DateOnly(2024, 3, 20), 10, 2)));

    [TestMethod]
    public void Monthly_RejectsDayZero() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Schedule.Monthly(new DateOnly(2024, 3, 20), 0, 2));

    [TestMethod]
    public void MonthlyOnWeekday_LastFriday() =>
        Assert.AreEqual(
            "2024-01-26 2024-02-23 2024-03-29",
            Dates(Schedule.MonthlyOnWeekday(new DateOnly(2024, 1, 1), DayOfWeek.Friday, -1, 3)));

    [TestMethod]
    public void Weekly_ZeroCountIsEmpty() =>
        Assert.AreEqual(0, Schedule.Weekly(new DateOnly(2024, 5, 6), [DayOfWeek.Friday], 0).Count);
}
