namespace Resilience.Tests;

[TestClass]
public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 5);

    [TestMethod]
    public void RetriesTimeoutsOnly()
    {
        Assert.IsTrue(Policy.ShouldRetry(1, new TimeoutException()));
        Assert.IsFalse(Policy.ShouldRetry(1, new InvalidOperationException()));
    }

    [TestMethod]
    public void DelayIsCapped() => Assert.AreEqual(TimeSpan.FromSeconds(1), Policy.DelayFor(6));

    [TestMethod]
    public void NoRetryAfterTheLastAttempt() => Assert.IsFalse(Policy.ShouldRetry(5, new TimeoutException()));

    [TestMethod]
    public void AttemptZeroIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Policy.DelayFor(0));
}
