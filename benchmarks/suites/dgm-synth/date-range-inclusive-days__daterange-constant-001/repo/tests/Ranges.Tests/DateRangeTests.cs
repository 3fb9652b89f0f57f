namespace Ranges.Tests;

[TestClass]
public sealed class DateRangeTests
{
    private static readonly DateRange January = new(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31));

    [TestMethod]
    public void Contains_IncludesBothEnds()
    {
        Assert.IsTrue(January.Contains(new DateOnly(2024, 1, 1)));
        Assert.IsTrue(January.Contains(new DateOnly(2024, 1, 31)));
        Assert.IsFalse(January.Contains(new DateOnly(2024, 2, 1)));
    }

    [TestMethod]
    public void EachDay_YieldsEveryDate() => Assert.AreEqual(31, January.EachDay().Count());

    [TestMethod]
    public void Days_CountsBothEnds() => Assert.AreEqual(31, January.Days);

    [TestMethod]
    public void Overlaps_TouchingRanges()
    {
        var february = new DateRange(new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29));
        Assert.IsTrue(January.Overlaps(february));
    }

    [TestMethod]
    public void Constructor_RejectsReversedRange() =>
        Assert.ThrowsExactly<ArgumentException>(() => new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 1)));
}
