namespace Calendars.Tests;

[TestClass]
public sealed class CalendarMathTests
{
    [TestMethod]
    public void OrdinaryLeapYear() => Assert.IsTrue(CalendarMath.IsLeapYear(2024));

    [TestMethod]
    public void CommonYear() => Assert.AreEqual(28, CalendarMath.DaysInMonth(2023, 2));

    [TestMethod]
    public void FourHundredthYearIsALeapYear() => Assert.IsTrue(CalendarMath.IsLeapYear(2000));

    [TestMethod]
    public void AgreesWithTheFrameworkOverFiveCenturies()
    {
        for (var year = 1600; year <= 2100; year++)
        {
            Assert.AreEqual(DateTime.IsLeapYear(year), CalendarMath.IsLeapYear(year), $"year {year}");
        }
    }

    [TestMethod]
    public void MonthThirteenIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CalendarMath.DaysInMonth(2020, 13));
}
