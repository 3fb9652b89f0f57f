namespace BusinessHours.Tests;

[TestClass]
public sealed class WeeklyHoursTests
{
    private static WeeklyHours Shop() => new WeeklyHours().AddWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0));

    [TestMethod]
    public void IsOpen_DuringWeekdayHours()
    {
        Assert.IsTrue(Shop().IsOpen(new DateTime(2024, 3, 11, 9, 0, 0)));
        Assert.IsTrue(Shop().IsOpen(new DateTime(2024, 3, 11, 16, 59, 0)));
    }

    [TestMethod]
    public void IsOpen_ClosedAtClosingTimeAndWeekend()
    {
        Assert.IsFalse(Shop().IsOpen(new DateTime(2024, 3, 11, 17, 0, 0)));
        Assert.IsFalse(Shop().IsOpen(new DateTime(2024, 3, 9, 12, 0, 0)));
    }

    [TestMethod]
    public void Add_RejectsOverlappingWindow()
    {
        var hours = Shop();
        Assert.ThrowsExactly<InvalidOperationException>(() => hours.Add(DayOfWeek.Monday, new TimeOnly(16, 0), new TimeOnly(18, 0)));
    }

    [TestMethod]
    public void NextOpening_WhenOpen_ReturnsSameMoment()
    {
        var at = new DateTime(2024, 3, 12, 11, 15, 0);
        Assert.AreEqual(at, Shop().NextOpening(at));
    }

    [TestMethod]
    public void NextOpening_BeforeOpeningSameDay() =>
        Assert.AreEqual(new DateTime(2024, 3, 11, 9, 0, 0), Shop().NextOpening(new DateTime(2024, 3, 11, 7, 30, 0)));

    [TestMethod]
    public void NextOpening_FridayEvening_IsMonday() =>
        Assert.AreEqual(new DateTime(2024, 3, 11, 9, 0, 0), Shop().NextOpening(new DateTime(2024, 3, 8, 18, 0, 0)));

    [TestMethod]
    public void NextOpening_OnSaturday_IsMonday() =>
        Assert.AreEqual(new DateTime(2024, 3, 11, 9, 0, 0), Shop().NextOpening(new DateTime(2024, 3, 9, 10, 0, 0)));

    [TestMethod]
    public void NextOpening_TuesdayEvening_IsWednesday() =>
        Assert.AreEqual(new DateTime(2024, 3, 13, 9, 0, 0), Shop().NextOpening(new DateTime(2024, 3, 12, 17, 0, 0)));

    [TestMethod]
    public void NextOpening_UsesEachDaysOwnHours()
    {
        var hours = Shop().Add(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(13, 0));
        Assert.AreEqual(new DateTime(2024, 3, 9, 10, 0, 0), hours.NextOpening(new DateTime(2024, 3, 8, 20, 0, 0)));
    }

    [TestMethod]
    public void NextOpening_LunchBreak()
    {
        var hours = new WeeklyHours()
            .Add(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))
            .Add(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0));
        Assert.AreEqual(new DateTime(2024, 3, 11, 13, 0, 0), hours.NextOpening(new DateTime(2024, 3, 11, 12, 30, 0)));
    }

    [TestMethod]
    public void NextOpening_OneDayAWeek_NextWeek()
    {
        var market = new WeeklyHours().Add(DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(12, 0));
        Assert.AreEqual(new DateTime(2024, 3, 20, 8, 0, 0), market.NextOpening(new DateTime(2024, 3, 13, 12, 0, 0)));
        Assert.AreEqual(new DateTime(2024, 3, 13, 8, 0, 0), market.NextOpening(new DateTime(2024, 3, 10, 9, 0, 0)));
    }

    [TestMethod]
    public void NextOpening_NoHours_IsNull() => Assert.IsNull(new WeeklyHours().NextOpening(new DateTime(2024, 3, 11, 9, 0, 0)));

    [TestMethod]
    public void WindowsOn_ClosedDayIsEmpty() => Assert.AreEqual(0, Shop().WindowsOn(DayOfWeek.Sunday).Count);
}
