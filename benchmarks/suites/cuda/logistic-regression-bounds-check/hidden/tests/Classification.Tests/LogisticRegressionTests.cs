using Dgm.Cuda;

namespace Classification.Tests;

[TestClass]
public sealed class LogisticRegressionTests
{
    private static readonly float[] Center = [1.0f, -0.5f, 0.75f];

    private static ClassificationData Data(int samples, int seed = 3) => ClassificationData.Generate(samples, Center, seed);

    [TestMethod]
    public void ProbabilitiesMatchCpuReference()
    {
        var data = Data(300);
        using var context = new CudaContext();
        using var model = new LogisticRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 21);
        model.Parameters = parameters;

        var expected = CpuReference.Probabilities(data, CpuReference.ToDouble(parameters));
        var actual = model.PredictProbabilities();
        Assert.HasCount(data.SampleCount, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            CpuReference.AssertNear(expected[i], actual[i], 1e-5, $"probability of sample {i}");
        }
    }

    [TestMethod]
    public void LossMatchesCpuReference()
    {
        var data = Data(300);
        using var context = new CudaContext();
        using var model = new LogisticRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 22);
        model.Parameters = parameters;

        var expected = CpuReference.Loss(data, CpuReference.ToDouble(parameters));
        CpuReference.AssertNear(expected, model.Loss(), 1e-4 * expected, "loss");
    }

    [TestMethod]
    public void GradientMatchesCpuReferenceForWholeBlocks()
    {
        var data = Data(512);
        using var context = new CudaContext();
        using var model = new LogisticRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 23);
        model.Parameters = parameters;

        var expected = CpuReference.Gradient(data, CpuReference.ToDouble(parameters));
        var actual = model.Gradient();
        for (var j = 0; j < expected.Length; j++)
        {
            CpuReference.AssertNear(expected[j], actual[j], 1e-4, $"gradient of parameter {j}");
        }
    }

    [TestMethod]
    public void GradientMatchesCpuReference()
    {
        var data = Data(300);
        using var context = new CudaContext();
        using var model = new LogisticRegressionGpu(context, data);
        var parameters = CpuReference.RandomParameters(model.ParameterCount, seed: 24);
        model.Parameters = parameters;

        var expected = CpuReference.Gradient(data, CpuReference.ToDouble(parameters));
        var actual = model.Gradient();
        for (var j = 0; j < expected.Length; j++)
        {
            CpuReference.AssertNear(expected[j], actual[j], 1e-4, $"gradient of parameter {j}");
        }
    }

    [TestMethod]
    public void TrainingMatchesCpuTraining()
    {
        var data = Data(300);
        using var context = new CudaContext();
        using var model = new LogisticRegressionGpu(context, data);

        model.Train(epochs: 200, learningRate: 0.5f);
        var expected = CpuReference.Train(data, epochs: 200, learningRate: 0.5);
        var actual = model.Parameters;
        for (var j = 0; j < expected.Length; j++)
        {
            CpuReference.AssertNear(expected[j], actual[j], 2e-3, $"trained parameter {j}");
        }
    }

    [TestMethod]
    public void AveragePredictionMatchesPositiveRate()
    {
        // At the optimum of the cross-entropy with a bias term, the mean predicted probability
        // equals the fraction of positive labels.
        var data = Data(300);
        using var context = new CudaContext();
        using var model = new LogisticRegressionGpu(context, data);

        model.Train(epochs: 500, learningRate: 1.0f);
        var meanProbability = model.PredictProbabilities().Average();
        var positiveRate = data.Labels.Average();
        CpuReference.AssertNear(positiveRate, meanProbability, 0.01, "mean predicted probability");
    }
}
