namespace SoftmaxClassifier;

/// <summary>Row-major features and one class index per row.</summary>
public sealed record LabeledData(float[] Features, int[] Labels, int FeatureCount, int ClassCount)
{
    public int Count => Labels.Length;

    /// <summary>
    /// Gaussian clusters, one per centre (the class index is the centre's index), with the given spread.
    /// Classes are drawn uniformly. The same seed gives the same data.
    /// </summary>
    public static LabeledData Clusters(float[][] centers, float spread, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(centers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var d = centers[0].Length;
        var random = new Random(seed);
        var features = new float[count * d];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var c = random.Next(centers.Length);
            labels[i] = c;
            for (var j = 0; j < d; j++)
            {
                features[(i * d) + j] = (float)(centers[c][j] + (spread * Gaussian(random)));
            }
        }

        return new LabeledData(features, labels, d, centers.Length);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
