namespace Descriptive;

/// <summary>
/// Descriptive statistics of a sample. Every method throws <see cref="InvalidOperationException"/> for an
/// empty sample.
/// </summary>
public static class Stats
{
    public static double Mean(IReadOnlyCollection<double> values)
    {
        EnsureNotEmpty(values);
        return values.Sum() / values.Count;
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>
    /// The <paramref name="p"/>-th percentile (0 to 100), interpolating linearly between the two closest
    /// ranks (the method of Excel's PERCENTILE.INC).
    /// </summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        EnsureNotEmpty(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);

        var sorted = values.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>
    /// The most frequent value. When several values are equally frequent, the smallest of them is returned.
    /// </summary>
    public static double Mode(IReadOnlyCollection<double> values)
    {
        EnsureNotEmpty(values);
        return values
            .GroupBy(v => v)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .First()
            .Key;
    }

    /// <summary>Sample standard deviation (divides by n - 1); needs at least two values.</summary>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        EnsureNotEmpty(values);
        if (values.Count < 2)
        {
            throw new InvalidOperationException("The standard deviation needs at least two values.");
        }

        var mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) * (values.Count - 1));
    }

    /// <summary>
    /// Splits [min, max] into <paramref name="bins"/> buckets of equal width and counts the values in each.
    /// Buckets include their lower bound; the last one also includes the maximum.
    /// </summary>
    public static int[] Histogram(IReadOnlyCollection<double> values, int bins)
    {
        EnsureNotEmpty(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);

        var min = values.Min();
        var width = (values.Max() - min) / bins;
        var counts = new int[bins];
        foreach (var value in values)
        {
            var index = width == 0 ? 0 : (int)((value - min) / width);
            counts[Math.Min(index, bins - 1)]++;
        }

        return counts;
    }

    private static void EnsureNotEmpty(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new InvalidOperationException("The sample is empty.");
        }
    }
}
