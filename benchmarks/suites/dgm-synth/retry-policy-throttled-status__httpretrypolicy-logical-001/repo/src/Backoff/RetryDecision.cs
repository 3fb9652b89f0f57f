namespace Backoff;

/// <summary>Whether to retry a failed call, and how long to wait before doing so.</summary>
public readonly record struct RetryDecision(bool ShouldRetry, TimeSpan Delay)
{
    public static RetryDecision Stop { get; } = new(false, TimeSpan.Zero);

    public static RetryDecision After(TimeSpan delay) => new(true, delay);
}
