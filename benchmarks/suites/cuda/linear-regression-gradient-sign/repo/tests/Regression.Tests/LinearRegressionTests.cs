using Dgm.Cuda;

namespace Regression.Tests;

[TestClass]
public sealed class LinearRegressionTests
{
    private static RegressionData Data() => RegressionData.Generate(samples: 600, features: 5, seed: 7);

    [TestMethod]
    public void PredictionsMatchCpuReference()
    {
        var data = Data();
        using var context = new CudaContext();
        using var model = new LinearRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 11);
        model.Parameters = parameters;

        var expected = CpuReference.Predict(data, parameters);
        var actual = model.Predict();
        Assert.HasCount(data.SampleCount, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            CpuReference.AssertNear(expected[i], actual[i], 1e-4, $"prediction {i}");
        }
    }

    [TestMethod]
    public void LossMatchesCpuReference()
    {
        var data = Data();
        using var context = new CudaContext();
        using var model = new LinearRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 12);
        model.Parameters = parameters;

        var expected = CpuReference.Loss(data, parameters);
        CpuReference.AssertNear(expected, model.Loss(), 1e-4 * expected, "loss");
    }

    [TestMethod]
    public void TrainingReducesLoss()
    {
        var data = Data();
        using var context = new CudaContext();
        using var model = new LinearRegressionGpu(context, data);

        var history = model.Train(epochs: 150, learningRate: 0.3f);
        Assert.IsTrue(history[^1] < 1e-3f && history[^1] < history[0] / 100, $"loss went from {history[0]} to {history[^1]}");
    }
}
