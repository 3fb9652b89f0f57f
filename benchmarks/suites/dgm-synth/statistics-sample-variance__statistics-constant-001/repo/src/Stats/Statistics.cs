namespace Stats;

/// <summary>Descriptive statistics over samples.</summary>
public static class Statistics
{
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 1);
        return values.Sum() / values.Count;
    }

    /// <summary>The sample variance (divides by n - 1).</summary>
    public static double Variance(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 2);
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var value in values)
        {
            var deviation = value - mean;
            sum += deviation * deviation;
        }

        return sum / (values.Count - 1);
    }

    public static double StandardDeviation(IReadOnlyList<double> values) => Math.Sqrt(Variance(values));

    public static double Median(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 1);
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 0] + sorted[middle]) / 2;
    }

    private static void RequireAtLeast(IReadOnlyList<double> values, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < count)
        {
            throw new ArgumentException($"Needs at least {count} values, got {values.Count}.", nameof(values));
        }
    }
}
