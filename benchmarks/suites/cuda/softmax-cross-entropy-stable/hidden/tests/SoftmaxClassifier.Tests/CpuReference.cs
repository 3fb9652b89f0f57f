namespace SoftmaxClassifier.Tests;

/// <summary>A double-precision softmax cross-entropy, computed the numerically careful way.</summary>
internal static class CpuReference
{
    public static (double[] Probabilities, double[] LogitGradients, double Loss) SoftmaxCrossEntropy(float[] logits, int[] labels, int classes)
    {
        var n = labels.Length;
        var probabilities = new double[logits.Length];
        var gradients = new double[logits.Length];
        double loss = 0;
        for (var i = 0; i < n; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                max = Math.Max(max, logits[(i * classes) + c]);
            }

            double sum = 0;
            for (var c = 0; c < classes; c++)
            {
                sum += Math.Exp(logits[(i * classes) + c] - max);
            }

            for (var c = 0; c < classes; c++)
            {
                var p = Math.Exp(logits[(i * classes) + c] - max) / sum;
                probabilities[(i * classes) + c] = p;
                gradients[(i * classes) + c] = (p - (c == labels[i] ? 1 : 0)) / n;
            }

            loss += (Math.Log(sum) + max - logits[(i * classes) + labels[i]]) / n;
        }

        return (probabilities, gradients, loss);
    }

    /// <summary>Logits drawn uniformly from [offset - spread, offset + spread] with a random offset per row in [-shift, shift].</summary>
    public static (float[] Logits, int[] Labels) RandomLogits(int rows, int classes, float shift, float spread, int seed)
    {
        var random = new Random(seed);
        var logits = new float[rows * classes];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var offset = ((random.NextDouble() * 2) - 1) * shift;
            for (var c = 0; c < classes; c++)
            {
                logits[(i * classes) + c] = (float)(offset + (((random.NextDouble() * 2) - 1) * spread));
            }

            labels[i] = random.Next(classes);
        }

        return (logits, labels);
    }

    public static void AssertNear(double expected, double actual, double tolerance, string what) =>
        Assert.IsTrue(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected} (within {tolerance}), got {actual}");

    public static void AssertMatches(float[] logits, int[] labels, int classes, SoftmaxResult actual)
    {
        var expected = SoftmaxCrossEntropy(logits, labels, classes);
        for (var i = 0; i < logits.Length; i++)
        {
            AssertNear(expected.Probabilities[i], actual.Probabilities[i], 1e-5, $"probability {i / classes},{i % classes} (logit {logits[i]})");
            AssertNear(expected.LogitGradients[i], actual.LogitGradients[i], 1e-6, $"gradient {i / classes},{i % classes} (logit {logits[i]})");
        }

        AssertNear(expected.Loss, actual.Loss, 1e-4 * Math.Max(1, expected.Loss), "loss");
    }
}
