namespace Regression;

/// <summary>
/// A synthetic regression data set: targets are a linear function of the features plus a little noise.
/// Features are row-major (<see cref="SampleCount"/> rows of <see cref="FeatureCount"/> values).
/// </summary>
public sealed class RegressionData
{
    private RegressionData(float[] features, float[] targets, int featureCount, float[] trueWeights, float trueBias)
    {
        Features = features;
        Targets = targets;
        FeatureCount = featureCount;
        TrueWeights = trueWeights;
        TrueBias = trueBias;
    }

    public float[] Features { get; }

    public float[] Targets { get; }

    public int SampleCount => Targets.Length;

    public int FeatureCount { get; }

    /// <summary>The weights the targets were generated with.</summary>
    public float[] TrueWeights { get; }

    /// <summary>The bias the targets were generated with.</summary>
    public float TrueBias { get; }

    /// <summary>Draws features uniformly from [-1, 1] and random true weights; the same seed gives the same data.</summary>
    public static RegressionData Generate(int samples, int features, int seed, float noise = 0.01f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);

        var random = new Random(seed);
        var weights = new float[features];
        for (var j = 0; j < features; j++)
        {
            weights[j] = (float)((random.NextDouble() * 4) - 2);
        }

        var bias = (float)((random.NextDouble() * 2) - 1);
        var x = new float[samples * features];
        var y = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            double target = bias;
            for (var j = 0; j < features; j++)
            {
                var value = (float)((random.NextDouble() * 2) - 1);
                x[(i * features) + j] = value;
                target += value * weights[j];
            }

            y[i] = (float)(target + (noise * ((random.NextDouble() * 2) - 1)));
        }

        return new RegressionData(x, y, features, weights, bias);
    }
}
