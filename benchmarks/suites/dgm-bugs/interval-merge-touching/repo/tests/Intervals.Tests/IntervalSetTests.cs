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
}
