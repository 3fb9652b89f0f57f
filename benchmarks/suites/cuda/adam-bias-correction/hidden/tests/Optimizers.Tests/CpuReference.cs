namespace Optimizers.Tests;

/// <summary>Double-precision reference implementations.</summary>
internal static class CpuReference
{
    /// <summary>Textbook Adam: the update at step t = 1, 2, ... divides the moments by 1 - beta^t.</summary>
    public sealed class Adam(int count, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        private readonly double[] m = new double[count];
        private readonly double[] v = new double[count];
        private int t;

        public void Step(double[] parameters, double[] gradients)
        {
            t++;
            for (var i = 0; i < count; i++)
            {
                m[i] = (beta1 * m[i]) + ((1 - beta1) * gradients[i]);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * gradients[i] * gradients[i]);
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                parameters[i] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        }
    }

    /// <summary>Samples of 0.5 - 1.2 x + 0.8 x^2 + 1.5 x^3 with x uniform in [-1, 1] and a little noise.</summary>
    public static (float[] X, float[] Y) Cubic(int count, int seed)
    {
        var random = new Random(seed);
        var xs = new float[count];
        var ys = new float[count];
        for (var i = 0; i < count; i++)
        {
            var x = (random.NextDouble() * 2) - 1;
            xs[i] = (float)x;
            ys[i] = (float)(0.5 - (1.2 * x) + (0.8 * x * x) + (1.5 * x * x * x) + (0.01 * ((random.NextDouble() * 2) - 1)));
        }

        return (xs, ys);
    }

    public static (double Loss, double[] Gradient) PolynomialLoss(float[] xs, float[] ys, float[] coefficients)
    {
        var n = xs.Length;
        var gradient = new double[coefficients.Length];
        double loss = 0;
        for (var i = 0; i < n; i++)
        {
            double prediction = 0;
            for (var p = coefficients.Length - 1; p >= 0; p--)
            {
                prediction = (prediction * xs[i]) + coefficients[p];
            }

            var residual = prediction - ys[i];
            loss += residual * residual / n;
            double power = 1;
            for (var p = 0; p < coefficients.Length; p++)
            {
                gradient[p] += 2 * residual * power / n;
                power *= xs[i];
            }
        }

        return (loss, gradient);
    }

    public static float[] Uniform(int count, double low, double high, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(low + (random.NextDouble() * (high - low)));
        }

        return values;
    }

    public static void AssertNear(double expected, double actual, double tolerance, string what) =>
        Assert.IsTrue(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected} (within {tolerance}), got {actual}");
}
