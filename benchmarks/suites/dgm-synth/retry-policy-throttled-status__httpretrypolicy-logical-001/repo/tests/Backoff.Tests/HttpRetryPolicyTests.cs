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
    public void Decide_HonoursLongerRetryAfter() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(10)), Policy.Decide(1, 503, TimeSpan.FromSeconds(10)));

    [TestMethod]
    public void Backoff_IsCappedAtMaxDelay() => Assert.AreEqual(TimeSpan.FromSeconds(30), Policy.Backoff(10));

    [TestMethod]
    public void Decide_RetriesTooManyRequests() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(5)), Policy.Decide(1, 429, TimeSpan.FromSeconds(5)));

    [TestMethod]
    public void Constructor_RejectsZeroAttempts() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HttpRetryPolicy(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

    [TestMethod]
    public void Decide_ShorterRetryAfterKeepsBackoff() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(4)), Policy.Decide(3, 503, TimeSpan.FromSeconds(1)));

    [TestMethod]
    public void Decide_RetryAfterIsCappedAtMaxDelay() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(30)), Policy.Decide(1, 503, TimeSpan.FromMinutes(5)));

    [TestMethod]
    public void IsTransient_ClassifiesStatuses()
    {
        foreach (int status in new[] { 408, 500, 502, 503, 504 })
        {
            Assert.IsTrue(HttpRetryPolicy.IsTransient(status), status.ToString());
        }

        foreach (int status in new[] { 200, 400, 401, 403, 404, 409, 501 })
        {
            Assert.IsFalse(HttpRetryPolicy.IsTransient(status), status.ToString());
        }
    }

    [TestMethod]
    public void IsTransient_TooManyRequests() => Assert.IsTrue(HttpRetryPolicy.IsTransient(429));

    [TestMethod]
    public void Decide_TooManyRequestsWithoutRetryAfterUsesBackoff() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(2)), Policy.Decide(2, 429));

    [TestMethod]
    public void Decide_TooManyRequestsRetryAfterIsCapped() =>
        Assert.AreEqual(RetryDecision.After(TimeSpan.FromSeconds(30)), Policy.Decide(2, 429, TimeSpan.FromSeconds(120)));
}
