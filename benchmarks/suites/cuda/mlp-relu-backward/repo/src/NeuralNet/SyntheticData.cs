namespace NeuralNet;

/// <summary>Inputs (row-major) and one target per row.</summary>
public sealed record Samples(float[] Inputs, float[] Targets, int InputSize)
{
    public int Count => Targets.Length;
}

public static class SyntheticData
{
    /// <summary>
    /// Points drawn uniformly from [-1, 1]^2 with target x0^2 + x1^2 - 2/3, a bowl that no linear
    /// model fits. The same seed gives the same samples.
    /// </summary>
    public static Samples Bowl(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        var inputs = new float[count * 2];
        var targets = new float[count];
        for (var i = 0; i < count; i++)
        {
            var a = (float)((random.NextDouble() * 2) - 1);
            var b = (float)((random.NextDouble() * 2) - 1);
            inputs[2 * i] = a;
            inputs[(2 * i) + 1] = b;
            targets[i] = (a * a) + (b * b) - (2f / 3f);
        }

        return new Samples(inputs, targets, 2);
    }
}
