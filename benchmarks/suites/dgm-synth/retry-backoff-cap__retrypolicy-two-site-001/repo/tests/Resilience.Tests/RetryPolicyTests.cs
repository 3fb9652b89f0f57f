namespace Resilience.Tests;

[TestClass]
public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 5);

    [TestMethod]
    public void DelayIsCapped() => Assert.AreEqual(TimeSpan.FromSeconds(1), Policy.DelayFor(6));

    [TestMethod]
    public void ThirdAttemptWaitsFourTimesTheBase() => Assert.AreEqual(TimeSpan.FromMilliseconds(400), Policy.DelayFor(3));

    [TestMethod]
    public void AttemptZeroIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Policy.DelayFor(0));
}
