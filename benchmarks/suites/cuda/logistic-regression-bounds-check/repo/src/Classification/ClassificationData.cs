namespace Classification;

/// <summary>
/// A synthetic two-class data set: two overlapping Gaussian clouds, row-major features, labels 0 or 1.
/// </summary>
public sealed class ClassificationData
{
    private ClassificationData(float[] features, float[] labels, int featureCount)
    {
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
    }

    public float[] Features { get; }

    public float[] Labels { get; }

    public int SampleCount => Labels.Length;

    public int FeatureCount { get; }

    /// <summary>
    /// Class 1 is centred on <paramref name="center"/> and class 0 on its negation, each with unit spread;
    /// about half of the samples are of each class. The same seed gives the same data.
    /// </summary>
    public static ClassificationData Generate(int samples, float[] center, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentNullException.ThrowIfNull(center);

        var d = center.Length;
        var random = new Random(seed);
        var features = new float[samples * d];
        var labels = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            var positive = random.NextDouble() < 0.5;
            labels[i] = positive ? 1f : 0f;
            for (var j = 0; j < d; j++)
            {
                var mean = positive ? center[j] : -center[j];
                features[(i * d) + j] = (float)(mean + Gaussian(random));
            }
        }

        return new ClassificationData(features, labels, d);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
