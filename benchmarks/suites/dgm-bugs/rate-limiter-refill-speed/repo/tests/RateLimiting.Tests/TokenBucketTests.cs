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
}
