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
    public void RejectsWhenEmptyAndNoTimePassed()
    {
        var (bucket, _) = Create(2, 1);
        Assert.IsTrue(bucket.TryAcquire());
        Assert.IsTrue(bucket.TryAcquire());
        Assert.IsFalse(bucket.TryAcquire());
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
    public void HalfSecondRefillsHalfAToken()
    {
        var (bucket, time) = Create(5, 1);
        for (var i = 0; i < 5; i++)
        {
            Assert.IsTrue(bucket.TryAcquire());
        }

        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.IsFalse(bucket.TryAcquire());
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
    public void TokensAccumulateAcrossSmallSteps()
    {
        var (bucket, time) = Create(4, 4);
        bucket.TryAcquire(4);
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.IsFalse(bucket.TryAcquire());
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.IsFalse(bucket.TryAcquire());
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.IsTrue(bucket.TryAcquire());
        Assert.IsFalse(bucket.TryAcquire());
    }

    [TestMethod]
    public void WaitingTimeUntilAvailableIsExactlyEnough()
    {
        var (bucket, time) = Create(2, 0.5);
        bucket.TryAcquire(2);
        var wait = bucket.TimeUntilAvailable(2);
        Assert.AreEqual(TimeSpan.FromSeconds(4), wait);
        time.Advance(wait - TimeSpan.FromMilliseconds(10));
        Assert.IsFalse(bucket.TryAcquire(2));
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.IsTrue(bucket.TryAcquire(2));
    }

    [TestMethod]
    public void TimeUntilAvailableIsZeroWhenFull()
    {
        var (bucket, _) = Create(3, 1);
        Assert.AreEqual(TimeSpan.Zero, bucket.TimeUntilAvailable(3));
    }

    [TestMethod]
    public void FailedAcquireTakesNothing()
    {
        var (bucket, _) = Create(3, 1);
        bucket.TryAcquire(2);
        Assert.IsFalse(bucket.TryAcquire(2));
        Assert.AreEqual(1.0, bucket.Available);
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

    [TestMethod]
    public void FullSecondRefillsOneToken()
    {
        var (bucket, time) = Create(1, 1);
        Assert.IsTrue(bucket.TryAcquire());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsTrue(bucket.TryAcquire());
        Assert.IsFalse(bucket.TryAcquire());
    }
}
