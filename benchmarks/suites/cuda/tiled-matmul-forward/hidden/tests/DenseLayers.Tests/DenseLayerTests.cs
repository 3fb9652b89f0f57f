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

    [TestMethod]
    public void RejectsLayersThatDoNotConnect()
    {
        using var context = new CudaContext();
        using var first = new DenseLayer(context, 4, 3, new float[12], new float[3]);
        using var second = new DenseLayer(context, 2, 1, new float[2], new float[1]);

        Assert.ThrowsExactly<ArgumentException>(() => new Sequential([first, second]));
    }

    [TestMethod]
    public void ForwardMatchesCpuForPartialTiles() => CheckLayer(rows: 37, inputs: 20, outputs: 13, Activation.Identity, seed: 62);

    [TestMethod]
    public void ForwardMatchesCpuForNarrowInputs() => CheckLayer(rows: 100, inputs: 3, outputs: 5, Activation.Relu, seed: 63);

    [TestMethod]
    public void TwoLayerNetworkMatchesCpu()
    {
        const int Rows = 64;
        var input = CpuReference.Uniform(Rows * 10, 64);
        var w1 = CpuReference.Uniform(10 * 24, 65);
        var b1 = CpuReference.Uniform(24, 66);
        var w2 = CpuReference.Uniform(24 * 5, 67);
        var b2 = CpuReference.Uniform(5, 68);
        using var context = new CudaContext();
        using var hidden = new DenseLayer(context, 10, 24, w1, b1, Activation.Relu);
        using var output = new DenseLayer(context, 24, 5, w2, b2);
        var network = new Sequential([hidden, output]);

        var h = CpuReference.Dense(input, 10, 24, w1, b1, relu: true);
        var expected = CpuReference.Dense(Array.ConvertAll(h, v => (float)v), 24, 5, w2, b2, relu: false);
        CpuReference.AssertClose(expected, network.Forward(input), 1e-4);
    }
}
