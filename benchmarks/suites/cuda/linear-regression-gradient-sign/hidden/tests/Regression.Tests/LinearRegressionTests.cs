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
    public void ZeroLearningRateKeepsParameters()
    {
        var data = Data();
        using var context = new CudaContext();
        using var model = new LinearRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 13);
        model.Parameters = parameters;

        var history = model.Train(epochs: 5, learningRate: 0f);
        CollectionAssert.AreEqual(parameters, model.Parameters);
        Assert.HasCount(6, history);
        CpuReference.AssertNear(history[0], history[^1], 1e-5 * history[0], "loss after training with learning rate 0");
    }

    [TestMethod]
    public void GradientMatchesCpuReference()
    {
        var data = Data();
        using var context = new CudaContext();
        using var model = new LinearRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 14);
        model.Parameters = parameters;

        var expected = CpuReference.Gradient(data, parameters);
        var actual = model.Gradient();
        Assert.HasCount(expected.Length, actual);
        for (var j = 0; j < expected.Length; j++)
        {
            CpuReference.AssertNear(expected[j], actual[j], 1e-3, $"gradient of parameter {j}");
        }
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

    [TestMethod]
    public void TrainingRecoversGeneratingWeights()
    {
        var data = Data();
        using var context = new CudaContext();
        using var model = new LinearRegressionGpu(context, data);

        model.Train(epochs: 150, learningRate: 0.3f);
        var learned = model.Parameters;
        for (var j = 0; j < data.FeatureCount; j++)
        {
            CpuReference.AssertNear(data.TrueWeights[j], learned[j], 0.02, $"weight {j}");
        }

        CpuReference.AssertNear(data.TrueBias, learned[data.FeatureCount], 0.02, "bias");
    }
}
