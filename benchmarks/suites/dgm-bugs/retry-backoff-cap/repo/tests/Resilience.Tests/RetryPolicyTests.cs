namespace Resilience.Tests;

[TestClass]
public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 5);

    [TestMethod]
    public void FirstAttemptWaitsTheBaseDelay() => Assert.AreEqual(TimeSpan.FromMilliseconds(100), Policy.DelayFor(1));

    [TestMethod]
    public void RetriesTimeoutsOnly()
    {
        Assert.IsTrue(Policy.ShouldRetry(1, new TimeoutException()));
        Assert.IsFalse(Policy.ShouldRetry(1, new InvalidOperationException()));
    }
}
