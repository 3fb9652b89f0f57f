namespace Stats.Tests;

[TestClass]
public sealed class StatisticsTests
{
    [TestMethod]
    public void MeanOfSample() => Assert.AreEqual(5, Statistics.Mean([2, 4, 4, 4, 5, 5, 7, 9]), 1e-12);

    [TestMethod]
    public void MedianOfEvenCount() => Assert.AreEqual(2.5, Statistics.Median([4, 1, 3, 2]), 1e-12);

    [TestMethod]
    public void VarianceNeedsTwoValues() => Assert.ThrowsExactly<ArgumentException>(() => Statistics.Variance([1]));

    [TestMethod]
    public void SampleStandardDeviation() => Assert.AreEqual(2.138089935, Statistics.StandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), 1e-8);

    [TestMethod]
    public void VarianceOfConstantsIsZero() => Assert.AreEqual(0, Statistics.Variance([3, 3, 3, 3]), 1e-12);

    [TestMethod]
    public void VarianceOfTwoValues() => Assert.AreEqual(2, Statistics.Variance([1, 3]), 1e-12);

    [TestMethod]
    public void VarianceIgnoresShift()
    {
        double[] data = [1, 2, 3, 4, 10];
        Assert.AreEqual(Statistics.Variance(data), Statistics.Variance(data.Select(x => x + 1000).ToArray()), 1e-6);
    }
}
