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
    public void HiddenLayerGradientsMatchCpuReference()
    {
        var data = Data();
        var parameters = Initial();
        using var context = new CudaContext();
        using var net = new Mlp(context, parameters);

        var expected = CpuReference.Gradients(parameters, data);
        var actual = net.Gradients(data.Inputs, data.Targets);
        for (var i = 0; i < expected.W1.Length; i++)
        {
            CpuReference.AssertNear(expected.W1[i], actual.W1[i], 1e-5 + (1e-3 * Math.Abs(expected.W1[i])), $"gradient of W1[{i / Hidden}][{i % Hidden}]");
        }

        for (var k = 0; k < Hidden; k++)
        {
            CpuReference.AssertNear(expected.B1[k], actual.B1[k], 1e-5 + (1e-3 * Math.Abs(expected.B1[k])), $"gradient of b1[{k}]");
        }
    }

    [TestMethod]
    public void HiddenLayerGradientsMatchFiniteDifferences()
    {
        const float Step = 1e-3f;
        var data = Data();
        var parameters = Initial();
        using var context = new CudaContext();
        using var net = new Mlp(context, parameters);
        var analytic = net.Gradients(data.Inputs, data.Targets);

        double Numeric(Func<MlpParameters, float[]> select, int index)
        {
            var plus = Copy(parameters);
            select(plus)[index] += Step;
            net.Parameters = plus;
            var lossPlus = net.Loss(data.Inputs, data.Targets);
            var minus = Copy(parameters);
            select(minus)[index] -= Step;
            net.Parameters = minus;
            var lossMinus = net.Loss(data.Inputs, data.Targets);
            return (lossPlus - lossMinus) / (2.0 * Step);
        }

        for (var i = 0; i < analytic.W1.Length; i++)
        {
            var numeric = Numeric(p => p.W1, i);
            CpuReference.AssertNear(numeric, analytic.W1[i], 2e-3 + (0.05 * Math.Abs(numeric)), $"gradient of W1[{i / Hidden}][{i % Hidden}]");
        }

        for (var k = 0; k < Hidden; k++)
        {
            var numeric = Numeric(p => p.B1, k);
            CpuReference.AssertNear(numeric, analytic.B1[k], 2e-3 + (0.05 * Math.Abs(numeric)), $"gradient of b1[{k}]");
        }
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

    private static MlpParameters Copy(MlpParameters p) => new((float[])p.W1.Clone(), (float[])p.B1.Clone(), (float[])p.W2.Clone(), p.B2);
}
