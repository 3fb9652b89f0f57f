using Dgm.Cuda;

namespace NeuralNet.Tests;

[TestClass]
public sealed class MlpTests
{
    private const int Hidden = 16;

    private static Samples Data() => SyntheticData.Bowl(300, seed: 5);

    private static MlpParameters Initial() => MlpParameters.Random(inputSize: 2, hiddenSize: Hidden, seed: 8);

    [TestMethod]
    public void ForwardMatchesCpuReference()
    {
        var data = Data();
        var parameters = Initial();
        using var context = new CudaContext();
        using var net = new Mlp(context, parameters);

        var expected = CpuReference.Predict(parameters, data.Inputs);
        var actual = net.Predict(data.Inputs);
        Assert.HasCount(data.Count, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            CpuReference.AssertNear(expected[i], actual[i], 1e-5, $"output {i}");
        }
    }

    [TestMethod]
    public void OutputLayerGradientsMatchCpuReference()
    {
        var data = Data();
        var parameters = Initial();
        using var context = new CudaContext();
        using var net = new Mlp(context, parameters);

        var expected = CpuReference.Gradients(parameters, data);
        var actual = net.Gradients(data.Inputs, data.Targets);
        for (var k = 0; k < Hidden; k++)
        {
            CpuReference.AssertNear(expected.W2[k], actual.W2[k], 1e-5 + (1e-3 * Math.Abs(expected.W2[k])), $"gradient of w2[{k}]");
        }

        CpuReference.AssertNear(expected.B2, actual.B2, 1e-5 + (1e-3 * Math.Abs(expected.B2)), "gradient of b2");
    }

    [TestMethod]
    public void TrainingFitsTheBowl()
    {
        var data = Data();
        using var context = new CudaContext();
        using var net = new Mlp(context, Initial());

        var history = net.Train(data.Inputs, data.Targets, epochs: 2000, learningRate: 0.3f);
        Assert.IsTrue(history[^1] < 2e-3f, $"loss went from {history[0]} to {history[^1]}");
    }
}
