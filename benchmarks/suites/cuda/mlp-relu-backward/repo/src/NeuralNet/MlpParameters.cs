namespace NeuralNet;

/// <summary>
/// The weights of a <see cref="Mlp"/> (or gradients of the same shape): W1 is inputs x hidden
/// (row-major), B1 and W2 have one entry per hidden unit, B2 is the output bias.
/// </summary>
public sealed record MlpParameters(float[] W1, float[] B1, float[] W2, float B2)
{
    public int HiddenSize => B1.Length;

    public int InputSize => W1.Length / B1.Length;

    /// <summary>Small random weights: W1 uniform in ±1/sqrt(inputs), W2 uniform in ±1/sqrt(hidden), biases 0.1 and 0.</summary>
    public static MlpParameters Random(int inputSize, int hiddenSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        var random = new System.Random(seed);
        float Uniform(double scale) => (float)(((random.NextDouble() * 2) - 1) * scale);

        var w1 = new float[inputSize * hiddenSize];
        for (var i = 0; i < w1.Length; i++)
        {
            w1[i] = Uniform(1 / Math.Sqrt(inputSize));
        }

        var b1 = Enumerable.Repeat(0.1f, hiddenSize).ToArray();
        var w2 = new float[hiddenSize];
        for (var k = 0; k < hiddenSize; k++)
        {
            w2[k] = Uniform(1 / Math.Sqrt(hiddenSize));
        }

        return new MlpParameters(w1, b1, w2, 0f);
    }
}
