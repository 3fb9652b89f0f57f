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
}
