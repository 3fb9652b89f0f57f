namespace Resilience;

/// <summary>Exponential backoff: attempt n waits BaseDelay * 2^(n-1), never more than MaxDelay.</summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    private const double Multiplier = 2.0;

    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        var millis = BaseDelay.TotalMilliseconds * Math.Pow(Multiplier, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(Math.Floor(millis), MaxDelay.TotalMilliseconds));
    }

    public bool ShouldRetry(int attempt, Exception error) =>
        attempt < MaxAttempts && error is TimeoutException or IOException;

    /// <summary>The delays of every retry a failing call would get.</summary>
    public IEnumerable<TimeSpan> Schedule() => Enumerable.Range(1, Math.Max(0, MaxAttempts - 1)).Select(DelayFor);
}
