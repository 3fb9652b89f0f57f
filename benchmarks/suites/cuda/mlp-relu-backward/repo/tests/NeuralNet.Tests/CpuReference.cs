namespace NeuralNet.Tests;

/// <summary>A straightforward double-precision version of the network.</summary>
internal static class CpuReference
{
    public static double[] Predict(MlpParameters p, float[] inputs) => Forward(p, inputs).Output;

    public static double Loss(MlpParameters p, Samples samples)
    {
        var output = Predict(p, samples.Inputs);
        double sum = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var diff = output[i] - samples.Targets[i];
            sum += diff * diff;
        }

        return sum / samples.Count;
    }

    /// <summary>Gradients of <see cref="Loss"/>, shaped like the parameters: (W1, B1, W2, B2).</summary>
    public static (double[] W1, double[] B1, double[] W2, double B2) Gradients(MlpParameters p, Samples samples)
    {
        int d = p.InputSize, h = p.HiddenSize, n = samples.Count;
        var (hidden, output) = Forward(p, samples.Inputs);
        var gw1 = new double[d * h];
        var gb1 = new double[h];
        var gw2 = new double[h];
        double gb2 = 0;
        for (var i = 0; i < n; i++)
        {
            var g = 2 * (output[i] - samples.Targets[i]) / n;
            gb2 += g;
            for (var k = 0; k < h; k++)
            {
                gw2[k] += g * hidden[(i * h) + k];
                var pre = hidden[(i * h) + k] > 0 ? g * p.W2[k] : 0;
                gb1[k] += pre;
                for (var j = 0; j < d; j++)
                {
                    gw1[(j * h) + k] += pre * samples.Inputs[(i * d) + j];
                }
            }
        }

        return (gw1, gb1, gw2, gb2);
    }

    public static void AssertNear(double expected, double actual, double tolerance, string what) =>
        Assert.IsTrue(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected} (within {tolerance}), got {actual}");

    private static (double[] Hidden, double[] Output) Forward(MlpParameters p, float[] inputs)
    {
        int d = p.InputSize, h = p.HiddenSize, n = inputs.Length / d;
        var hidden = new double[n * h];
        var output = new double[n];
        for (var i = 0; i < n; i++)
        {
            double acc2 = p.B2;
            for (var k = 0; k < h; k++)
            {
                double acc = p.B1[k];
                for (var j = 0; j < d; j++)
                {
                    acc += inputs[(i * d) + j] * (double)p.W1[(j * h) + k];
                }

                hidden[(i * h) + k] = Math.Max(acc, 0);
                acc2 += hidden[(i * h) + k] * p.W2[k];
            }

            output[i] = acc2;
        }

        return (hidden, output);
    }
}
