namespace Classification.Tests;

/// <summary>Straightforward double-precision versions of what the GPU computes.</summary>
internal static class CpuReference
{
    public static double[] Probabilities(ClassificationData data, IReadOnlyList<double> parameters)
    {
        var d = data.FeatureCount;
        var p = new double[data.SampleCount];
        for (var i = 0; i < data.SampleCount; i++)
        {
            var z = parameters[d];
            for (var j = 0; j < d; j++)
            {
                z += data.Features[(i * d) + j] * parameters[j];
            }

            p[i] = 1 / (1 + Math.Exp(-z));
        }

        return p;
    }

    public static double Loss(ClassificationData data, IReadOnlyList<double> parameters)
    {
        var p = Probabilities(data, parameters);
        double sum = 0;
        for (var i = 0; i < data.SampleCount; i++)
        {
            var q = Math.Clamp(p[i], 1e-7, 1 - 1e-7);
            sum -= (data.Labels[i] * Math.Log(q)) + ((1 - data.Labels[i]) * Math.Log(1 - q));
        }

        return sum / data.SampleCount;
    }

    public static double[] Gradient(ClassificationData data, IReadOnlyList<double> parameters)
    {
        var d = data.FeatureCount;
        var p = Probabilities(data, parameters);
        var gradient = new double[d + 1];
        for (var i = 0; i < data.SampleCount; i++)
        {
            var error = (p[i] - data.Labels[i]) / data.SampleCount;
            for (var j = 0; j < d; j++)
            {
                gradient[j] += error * data.Features[(i * d) + j];
            }

            gradient[d] += error;
        }

        return gradient;
    }

    public static double[] Train(ClassificationData data, int epochs, double learningRate)
    {
        var parameters = new double[data.FeatureCount + 1];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradient = Gradient(data, parameters);
            for (var j = 0; j < parameters.Length; j++)
            {
                parameters[j] -= learningRate * gradient[j];
            }
        }

        return parameters;
    }

    public static float[] RandomParameters(int count, int seed)
    {
        var random = new Random(seed);
        var parameters = new float[count];
        for (var j = 0; j < count; j++)
        {
            parameters[j] = (float)((random.NextDouble() * 2) - 1);
        }

        return parameters;
    }

    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    public static void AssertNear(double expected, double actual, double tolerance, string what) =>
        Assert.IsTrue(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected} (within {tolerance}), got {actual}");
}
