namespace Regression.Tests;

/// <summary>Straightforward double-precision versions of what the GPU computes.</summary>
internal static class CpuReference
{
    public static double[] Predict(RegressionData data, float[] parameters)
    {
        var d = data.FeatureCount;
        var predictions = new double[data.SampleCount];
        for (var i = 0; i < data.SampleCount; i++)
        {
            double acc = parameters[d];
            for (var j = 0; j < d; j++)
            {
                acc += data.Features[(i * d) + j] * (double)parameters[j];
            }

            predictions[i] = acc;
        }

        return predictions;
    }

    public static double Loss(RegressionData data, float[] parameters)
    {
        var predictions = Predict(data, parameters);
        double sum = 0;
        for (var i = 0; i < data.SampleCount; i++)
        {
            var diff = predictions[i] - data.Targets[i];
            sum += diff * diff;
        }

        return sum / data.SampleCount;
    }

    public static double[] Gradient(RegressionData data, float[] parameters)
    {
        var d = data.FeatureCount;
        var predictions = Predict(data, parameters);
        var gradient = new double[d + 1];
        for (var i = 0; i < data.SampleCount; i++)
        {
            var scale = 2 * (predictions[i] - data.Targets[i]) / data.SampleCount;
            for (var j = 0; j < d; j++)
            {
                gradient[j] += scale * data.Features[(i * d) + j];
            }

            gradient[d] += scale;
        }

        return gradient;
    }

    public static void AssertNear(double expected, double actual, double tolerance, string what) =>
        Assert.IsTrue(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected} (within {tolerance}), got {actual}");

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
}
