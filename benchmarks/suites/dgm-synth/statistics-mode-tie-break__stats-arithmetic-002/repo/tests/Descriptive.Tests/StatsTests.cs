namespace Descriptive.Tests;

[TestClass]
public sealed class StatsTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void Mean_OfSample() => Assert.AreEqual(2.5, Stats.Mean([1, 2, 3, 4]), Tolerance);

    [TestMethod]
    public void Median_OddCount() => Assert.AreEqual(3, Stats.Median([5, 1, 3, 9, 2]), Tolerance);

    [TestMethod]
    public void Median_EvenCountAveragesMiddleValues() => Assert.AreEqual(3.5, Stats.Median([4, 1, 3, 9]), Tolerance);

    [TestMethod]
    public void Percentile_Interpolates() =>
        Assert.AreEqual(9.1, Stats.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), Tolerance);

    [TestMethod]
    public void Mode_MostFrequentValue() => Assert.AreEqual(7, Stats.Mode([2, 7, 7, 3, 7, 2]), Tolerance);

    [TestMethod]
    public void Histogram_CountsPerBucket() =>
        CollectionAssert.AreEqual(new[] { 2, 1, 3 }, Stats.Histogram([0, 1, 4, 7, 8, 9], 3));

    [TestMethod]
    public void Mean_EmptySampleThrows() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => Stats.Mean([]));

    [TestMethod]
    public void Mode_TieReturnsSmallestValue() => Assert.AreEqual(1, Stats.Mode([3, 1, 3, 1, 2]), Tolerance);

    [TestMethod]
    public void Mode_AllDistinctReturnsMinimum() => Assert.AreEqual(4, Stats.Mode([9, 4, 6]), Tolerance);

    [TestMethod]
    public void Mode_TieWithNegativeValues() => Assert.AreEqual(-2.5, Stats.Mode([4, -2.5, 4, -2.5, 10]), Tolerance);

    [TestMethod]
    public void Mode_SingleValue() => Assert.AreEqual(42, Stats.Mode([42]), Tolerance);

    [TestMethod]
    public void Percentile_BoundsAreMinAndMax()
    {
        double[] sample = [12, 3, 7, 20];
        Assert.AreEqual(3, Stats.Percentile(sample, 0), Tolerance);
        Assert.AreEqual(20, Stats.Percentile(sample, 100), Tolerance);
    }

    [TestMethod]
    public void Histogram_ConstantSampleGoesToFirstBucket() =>
        CollectionAssert.AreEqual(new[] { 4, 0 }, Stats.Histogram([5, 5, 5, 5], 2));

    [TestMethod]
    public void Median_EmptySampleThrows() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => Stats.Median([]));
}
