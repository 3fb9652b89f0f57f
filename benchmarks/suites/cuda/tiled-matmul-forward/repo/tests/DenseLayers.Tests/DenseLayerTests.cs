using Dgm.Cuda;

namespace DenseLayers.Tests;

[TestClass]
public sealed class DenseLayerTests
{
    private static void CheckLayer(int rows, int inputs, int outputs, Activation activation, int seed)
    {
        var input = CpuReference.Uniform(rows * inputs, seed);
        var weights = CpuReference.Uniform(inputs * outputs, seed + 1);
        var bias = CpuReference.Uniform(outputs, seed + 2);
        using var context = new CudaContext();
        using var layer = new DenseLayer(context, inputs, outputs, weights, bias, activation);

        var expected = CpuReference.Dense(input, inputs, outputs, weights, bias, activation == Activation.Relu);
        CpuReference.AssertClose(expected, layer.Forward(input), 1e-4);
    }

    [TestMethod]
    public void ForwardMatchesCpuForWholeTiles() => CheckLayer(rows: 37, inputs: 32, outputs: 13, Activation.Identity, seed: 61);

    [TestMethod]
    public void RejectsInputOfTheWrongWidth()
    {
        using var context = new CudaContext();
        using var layer = new DenseLayer(context, 4, 2, new float[8], new float[2]);

        Assert.ThrowsExactly<ArgumentException>(() => layer.Forward(new float[10]));
    }
}
