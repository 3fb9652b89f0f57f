namespace Backoff;

/// <summary>
/// Decides whether and when to retry an HTTP call. It never sleeps: callers wait for the returned
/// delay themselves.
/// </summary>
/// <remarks>
/// Retried statuses: 408 Request Timeout, 429 Too Many Requests, 500 Internal Server Error,
/// 502 Bad Gateway, 503 Service Unavailable and 504 Gateway Timeout. The delay doubles with every
/// attempt starting from the base delay; a larger Retry-After from the server wins; no delay exceeds
/// the maximum delay.
/// </remarks>
public sealed class HttpRetryPolicy
{
    private static readonly HashSet<int> TransientStatusCodes = [408, 429, 500, 502, 503, 504];

    public HttpRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>Total number of attempts, the first call included.</summary>
    public int MaxAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public static bool IsTransient(int statusCode) => TransientStatusCodes.Contains(statusCode);

    /// <summary>The backoff before retrying after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Backoff(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        double ticks = BaseDelay.Ticks / Math.Pow(2, attempt - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>What to do after attempt number <paramref name="attempt"/> (1-based) got <paramref name="statusCode"/>.</summary>
    public RetryDecision Decide(int attempt, int statusCode, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (attempt >= MaxAttempts || !IsTransient(statusCode))
        {
            return RetryDecision.Stop;
        }

        TimeSpan delay = Backoff(attempt);
        if (retryAfter is { } hint && hint > delay)
        {
            delay = hint < MaxDelay ? hint : MaxDelay;
        }

        return RetryDecision.After(delay);
    }
}
