namespace Scheduling.Tests;

[TestClass]
public sealed class OpeningHoursTests
{
    private static readonly OpeningHours Shop = new(new OpeningWindow(new TimeOnly(9, 0), new TimeOnly(17, 0)));

    [TestMethod]
    public void OpenDuringTheDay() => Assert.IsTrue(Shop.IsOpen(new TimeOnly(12, 0)));

    [TestMethod]
    public void ClosingTimeIsExclusive() => Assert.IsFalse(Shop.IsOpen(new TimeOnly(17, 0)));

    [TestMethod]
    public void OpenHoursPerDay() => Assert.AreEqual(TimeSpan.FromHours(8), Shop.OpenPerDay());

    private static readonly OpeningHours Bar = new(new OpeningWindow(new TimeOnly(18, 0), new TimeOnly(2, 0)));

    [TestMethod]
    public void BarIsOpenAfterMidnight() => Assert.IsTrue(Bar.IsOpen(new TimeOnly(1, 0)));

    [TestMethod]
    public void BarIsOpenBeforeMidnight() => Assert.IsTrue(Bar.IsOpen(new TimeOnly(23, 30)));

    [TestMethod]
    public void BarIsClosedInTheAfternoon() => Assert.IsFalse(Bar.IsOpen(new TimeOnly(15, 0)));

    [TestMethod]
    public void BarClosesAtTwo() => Assert.IsFalse(Bar.IsOpen(new TimeOnly(2, 0)));

    [TestMethod]
    public void OvernightHoursPerDay() => Assert.AreEqual(TimeSpan.FromHours(8), Bar.OpenPerDay());

    [TestMethod]
    public void SplitShiftHasAGap()
    {
        var lunchBreak = new OpeningHours(new OpeningWindow(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OpeningWindow(new TimeOnly(13, 0), new TimeOnly(18, 0)));
        Assert.IsFalse(lunchBreak.IsOpen(new TimeOnly(12, 30)));
        Assert.IsTrue(lunchBreak.IsOpen(new TimeOnly(13, 0)));
    }
}
