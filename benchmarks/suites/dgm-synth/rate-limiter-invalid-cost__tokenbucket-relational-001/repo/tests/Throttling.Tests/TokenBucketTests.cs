namespace Throttling.Tests;

[TestClass]
public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void ZeroCostIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TokenBucket(5, 1, T0).TryTake(T0, 0));

    [TestMethod]
    public void CostAboveCapacityIsAnArgumentError() => Assert.ThrowsExactly<ArgumentException>(() => new TokenBucket(5, 1, T0).TryTake(T0, 6));

    [TestMethod]
    public void NeverExceedsCapacity()
    {
        var bucket = new TokenBucket(4, 10, T0);
        bucket.TryTake(T0.AddHours(1));
        Assert.AreEqual(3, bucket.Tokens, 1e-9);
    }
}
