using System.Threading.RateLimiting;

namespace Dgm.Evolution.Gateway;

/// <summary>
/// Admission for one channel's requests: a token bucket for the rate and a counter for concurrency. A request
/// over either limit is refused at once (never queued), so a flooding sandbox holds no host resources and
/// other channels, with guards of their own, are unaffected. Thread-safe.
/// </summary>
public sealed class ChannelGuard(ChannelLimits limits) : IDisposable
{
    private readonly TokenBucketRateLimiter _rate = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, limits.Burst),
        TokensPerPeriod = Math.Max(1, limits.RequestsPerMinute),
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    private int _inFlight;

    /// <summary>Admits one request, or says why not; dispose the admission when the request is answered.</summary>
    public Admission Admit()
    {
        if (Interlocked.Increment(ref _inFlight) > limits.MaxConcurrentRequests)
        {
            Interlocked.Decrement(ref _inFlight);
            return new Admission(null, $"too many requests at once from this sandbox (at most {limits.MaxConcurrentRequests})", TimeSpan.FromSeconds(1));
        }

        var lease = _rate.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            Interlocked.Decrement(ref _inFlight);
            return new Admission(null, $"too many requests from this sandbox (at most {limits.RequestsPerMinute} a minute, bursts of {limits.Burst})", TimeSpan.FromSeconds(Math.Max(1, 60.0 / Math.Max(1, limits.RequestsPerMinute))));
        }

        lease.Dispose();
        return new Admission(this, null, TimeSpan.Zero);
    }

    private void Release() => Interlocked.Decrement(ref _inFlight);

    public void Dispose() => _rate.Dispose();

    /// <summary>One admitted request (<see cref="Refusal"/> null) or a refusal with when to retry.</summary>
    public readonly struct Admission(ChannelGuard? owner, string? refusal, TimeSpan retryAfter) : IDisposable
    {
        public string? Refusal => refusal;

        public TimeSpan RetryAfter => retryAfter;

        public void Dispose() => owner?.Release();
    }
}
