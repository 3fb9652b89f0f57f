namespace Intervals.Tests;

[TestClass]
public sealed class IntervalSetTests
{

    [TestMethod]
    public void MergesTouchingIntervals() =>
        CollectionAssert.AreEqual(new[] { new Interval(1, 5) }, IntervalSet.Merge([new(1, 3), new(3, 5)]).ToArray());

    [TestMethod]
    public void MergesAChainOfTouchingIntervals() =>
        CollectionAssert.AreEqual(new[] { new Interval(0, 9) }, IntervalSet.Merge([new(6, 9), new(0, 3), new(3, 6)]).ToArray());

    [TestMethod]
    public void TotalLengthCountsSharedPointsOnce() => Assert.AreEqual(4, IntervalSet.TotalLength([new(0, 2), new(2, 4)]));

    [TestMethod]
    public void SinglePointIntervalsMerge() =>
        CollectionAssert.AreEqual(new[] { new Interval(2, 2) }, IntervalSet.Merge([new(2, 2), new(2, 2)]).ToArray());

    [TestMethod]
    public void ReversedIntervalIsRejected() =>
        Assert.ThrowsExactly<ArgumentException>(() => IntervalSet.Merge([new(5, 1)]));
}
