namespace Intervals.Tests;

[TestClass]
public sealed class IntervalSetTests
{
    [TestMethod]
    public void MergesOverlappingIntervals() =>
        CollectionAssert.AreEqual(new[] { new Interval(1, 6) }, IntervalSet.Merge([new(2, 6), new(1, 4)]).ToArray());

    [TestMethod]
    public void KeepsDisjointIntervals() =>
        CollectionAssert.AreEqual(new[] { new Interval(1, 2), new Interval(4, 5) }, IntervalSet.Merge([new(4, 5), new(1, 2)]).ToArray());

    [TestMethod]
    public void MergesTouchingIntervals() =>
        CollectionAssert.AreEqual(new[] { new Interval(1, 5) }, IntervalSet.Merge([new(1, 3), new(3, 5)]).ToArray());

    [TestMethod]
    public void MergesAChainOfTouchingIntervals() =>
        CollectionAssert.AreEqual(new[] { new Interval(0, 9) }, IntervalSet.Merge([new(6, 9), new(0, 3), new(3, 6)]).ToArray());

    [TestMethod]
    public void TotalLengthCountsSharedPointsOnce() => Assert.AreEqual(4, IntervalSet.TotalLength([new(0, 2), new(2, 4)]));

    [TestMethod]
    public void ContainedIntervalDisappears() =>
        CollectionAssert.AreEqual(new[] { new Interval(0, 10) }, IntervalSet.Merge([new(0, 10), new(3, 4)]).ToArray());

    [TestMethod]
    public void SinglePointIntervalsMerge() =>
        CollectionAssert.AreEqual(new[] { new Interval(2, 2) }, IntervalSet.Merge([new(2, 2), new(2, 2)]).ToArray());

    [TestMethod]
    public void ReversedIntervalIsRejected() =>
        Assert.ThrowsExactly<ArgumentException>(() => IntervalSet.Merge([new(5, 1)]));
}
