namespace Throttling;

/// <summary>A token bucket; time is passed in, so it is deterministic to test.</summary>
public sealed class TokenBucket
{
    private double _tokens;
    private DateTimeOffset _last;

    public TokenBucket(int capacity, double tokensPerSecond, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerSecond);
        Capacity = capacity;
        Rate = tokensPerSecond;
        _tokens = capacity;
        _last = start;
    }

    public int Capacity { get; }

    public double Rate { get; }

    public double Tokens => _tokens;

    public bool TryTake(DateTimeOffset now, int cost = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost);
        if (cost > Capacity)
        {
            throw new ArgumentException($"A cost of {cost} can never fit a bucket of {Capacity}.", nameof(cost));
        }

        Refill(now);
        if (_tokens < cost)
        {
            return false;
        }

        _tokens -= cost;
        return true;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _last)
        {
            _tokens = Math.Max(Capacity, _tokens + ((now - _last).TotalSeconds * Rate));
            _last = now;
        }
    }
}
