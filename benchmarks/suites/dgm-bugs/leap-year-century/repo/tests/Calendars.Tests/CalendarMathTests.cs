namespace Calendars.Tests;

[TestClass]
public sealed class CalendarMathTests
{
    [TestMethod]
    public void OrdinaryLeapYear() => Assert.IsTrue(CalendarMath.IsLeapYear(2024));

    [TestMethod]
    public void CommonYear() => Assert.AreEqual(28, CalendarMath.DaysInMonth(2023, 2));

    [TestMethod]
    public void CenturyIsNotALeapYear() => Assert.IsFalse(CalendarMath.IsLeapYear(1900));
}
