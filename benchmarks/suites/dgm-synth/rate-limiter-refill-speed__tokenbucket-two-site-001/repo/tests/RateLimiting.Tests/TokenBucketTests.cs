namespace RateLimiting.Tests;

[TestClass]
public sealed class TokenBucketTests
{
    private sealed class ManualTimeProvider : TimeProvider
    {
        private DateTimeOffset _now = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private static (TokenBucket Bucket, ManualTimeProvider Time) Create(int capacity, double tokensPerSecond)
    {
        var time = new ManualTimeProvider();
        return (new TokenBucket(capacity, tokensPerSecond, time), time);
    }

    [TestMethod]
    public void StartsFull()
    {
        var (bucket, _) = Create(3, 1);
        Assert.AreEqual(3.0, bucket.Available);
    }

    [TestMethod]
    public void RefillNeverExceedsCapacity()
    {
        var (bucket, time) = Create(3, 10);
        bucket.TryAcquire(3);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.AreEqual(3.0, bucket.Available);
    }

    [TestMethod]
    public void CostAboveCapacityThrows()
    {
        var (bucket, _) = Create(3, 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => bucket.TryAcquire(4));
    }

    [TestMethod]
    public void AvailableGrowsWithElapsedTime()
    {
        var (bucket, time) = Create(10, 2);
        bucket.TryAcquire(10);
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.AreEqual(3.0, bucket.Available, 1e-9);
    }

    [TestMethod]
    public void TimeUntilAvailableIsZeroWhenFull()
    {
        var (bucket, _) = Create(3, 1);
        Assert.AreEqual(TimeSpan.Zero, bucket.TimeUntilAvailable(3));
    }

    [TestMethod]
    public void ZeroCostThrows()
    {
        var (bucket, _) = Create(3, 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => bucket.TryAcquire(0));
    }

    [TestMethod]
    public void NonPositiveRateThrows() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TokenBucket(3, 0, TimeProvider.System));
}
