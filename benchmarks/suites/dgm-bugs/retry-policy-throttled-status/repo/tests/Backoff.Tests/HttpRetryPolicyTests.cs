namespace Backoff.Tests;

[TestClass]
public sealed class HttpRetryPolicyTests
{
    private static readonly HttpRetryPolicy Policy = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [TestMethod]
    public void Decide_RetriesServerErrorWithDoublingBackoff()
    {
        CollectionAssert.AreEqual(
            new[] { 1.0, 2.0, 4.0 },
            new[] { 1, 2, 3 }.Select(a => Policy.Decide(a, 503).Delay.TotalSeconds).ToArray());
        Assert.IsTrue(Policy.Decide(3, 502).ShouldRetry);
    }

    [TestMethod]
    public void Decide_StopsAfterLastAttempt() => Assert.IsFalse(Policy.Decide(4, 503).ShouldRetry);

    [TestMethod]
    public void Decide_DoesNotRetryNotFound() => Assert.AreEqual(RetryDecision.Stop, Policy.Decide(1, 404));

    [TestMethod]
    public void Decide_HonoursLongerRetryAfter() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(10)), Policy.Decide(1, 503, TimeSpan.FromSeconds(10)));

    [TestMethod]
    public void Backoff_IsCappedAtMaxDelay() => Assert.AreEqual(TimeSpan.FromSeconds(30), Policy.Backoff(10));

    [TestMethod]
    public void Decide_RetriesTooManyRequests() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(5)), Policy.Decide(1, 429, TimeSpan.FromSeconds(5)));
}
