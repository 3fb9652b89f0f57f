namespace DenseLayers.Tests;

/// <summary>A plain triple loop in double precision.</summary>
internal static class CpuReference
{
    public static double[] Dense(float[] input, int inputs, int outputs, float[] weights, float[] bias, bool relu)
    {
        var rows = input.Length / inputs;
        var output = new double[rows * outputs];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < outputs; c++)
            {
                double acc = bias[c];
                for (var j = 0; j < inputs; j++)
                {
                    acc += input[(r * inputs) + j] * (double)weights[(j * outputs) + c];
                }

                output[(r * outputs) + c] = relu ? Math.Max(acc, 0) : acc;
            }
        }

        return output;
    }

    public static float[] Uniform(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    public static void AssertClose(double[] expected, float[] actual, double tolerance)
    {
        Assert.HasCount(expected.Length, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.IsTrue(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]} (within {tolerance}), got {actual[i]}");
        }
    }
}
