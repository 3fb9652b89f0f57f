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

    [TestMethod]
    public void DelaysDouble() =>
        CollectionAssert.AreEqual(new[] { 100.0, 200.0, 400.0, 800.0 }, Policy.Schedule().Select(d => d.TotalMilliseconds).ToArray());

    [TestMethod]
    public void DelayIsCapped() => Assert.AreEqual(TimeSpan.FromSeconds(1), Policy.DelayFor(6));

    [TestMethod]
    public void ThirdAttemptWaitsFourTimesTheBase() => Assert.AreEqual(TimeSpan.FromMilliseconds(400), Policy.DelayFor(3));

    [TestMethod]
    public void NoRetryAfterTheLastAttempt() => Assert.IsFalse(Policy.ShouldRetry(5, new TimeoutException()));

    [TestMethod]
    public void AttemptZeroIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Policy.DelayFor(0));
}
