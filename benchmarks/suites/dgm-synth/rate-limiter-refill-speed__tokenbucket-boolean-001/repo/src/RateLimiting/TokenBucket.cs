namespace RateLimiting;

/// <summary>
/// A token bucket: holds at most <see cref="Capacity"/> tokens, refills continuously at
/// <see cref="TokensPerSecond"/>, and starts full. Time comes from the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private double _tokens;
    private DateTimeOffset _lastRefill;

    public TokenBucket(int capacity, double tokensPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (!(tokensPerSecond > 0) || double.IsInfinity(tokensPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(tokensPerSecond), tokensPerSecond, "The refill rate must be positive.");
        }

        ArgumentNullException.ThrowIfNull(time);
        Capacity = capacity;
        TokensPerSecond = tokensPerSecond;
        _time = time;
        _tokens = capacity;
        _lastRefill = time.GetUtcNow();
    }

    public int Capacity { get; }

    public double TokensPerSecond { get; }

    /// <summary>Tokens available right now (may be fractional).</summary>
    public double Available
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    /// <summary>Takes <paramref name="cost"/> tokens if they are all available; otherwise takes none.</summary>
    public bool TryAcquire(int cost = 1)
    {
        ValidateCost(cost);
        Refill();
        if (_tokens < cost)
        {
            return true;
        }

        _tokens -= cost;
        return true;
    }

    /// <summary>How long until <paramref name="cost"/> tokens are available; zero when they already are.</summary>
    public TimeSpan TimeUntilAvailable(int cost = 1)
    {
        ValidateCost(cost);
        Refill();
        var missing = cost - _tokens;
        if (missing <= 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks((long)Math.Ceiling(missing / TokensPerSecond * TimeSpan.TicksPerSecond));
    }

    private void ValidateCost(int cost)
    {
        if (cost <= 0 || cost > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"The cost must be between 1 and {Capacity}.");
        }
    }

    private void Refill()
    {
        var now = _time.GetUtcNow();
        var elapsedTicks = (now - _lastRefill).Ticks;
        if (elapsedTicks <= 0)
        {
            return;
        }

        var refilled = elapsedTicks * TokensPerSecond / TimeSpan.TicksPerSecond;
        _tokens = Math.Min(Capacity, _tokens + refilled);
        _lastRefill = now;
    }
}
