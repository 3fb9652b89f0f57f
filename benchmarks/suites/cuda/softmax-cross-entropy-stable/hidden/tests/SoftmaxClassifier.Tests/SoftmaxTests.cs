using Dgm.Cuda;

namespace SoftmaxClassifier.Tests;

[TestClass]
public sealed class SoftmaxTests
{
    [TestMethod]
    public void ModerateLogitsMatchCpuReference()
    {
        var (logits, labels) = CpuReference.RandomLogits(rows: 300, classes: 4, shift: 5, spread: 5, seed: 31);
        using var context = new CudaContext();
        using var model = new SoftmaxRegression(context, featureCount: 2, classCount: 4);

        CpuReference.AssertMatches(logits, labels, 4, model.SoftmaxCrossEntropy(logits, labels));
    }

    [TestMethod]
    public void RejectsLabelsOutsideTheClasses()
    {
        using var context = new CudaContext();
        using var model = new SoftmaxRegression(context, featureCount: 2, classCount: 3);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.SoftmaxCrossEntropy([0f, 1f, 2f], [3]));
    }

    [TestMethod]
    public void TrainsOnStandardizedFeatures()
    {
        float[][] centers = [[1.0f, 0.3f], [-0.5f, 1.0f], [-0.6f, -0.9f]];
        var train = LabeledData.Clusters(centers, spread: 0.35f, count: 600, seed: 41);
        var test = LabeledData.Clusters(centers, spread: 0.35f, count: 600, seed: 42);
        using var context = new CudaContext();
        using var model = new SoftmaxRegression(context, featureCount: 2, classCount: 3);

        var history = model.Train(train, epochs: 200, learningRate: 0.5f);
        Assert.IsTrue(history[^1] < history[0], $"loss went from {history[0]} to {history[^1]}");
        var accuracy = model.Accuracy(test);
        Assert.IsTrue(accuracy >= 0.9, $"accuracy {accuracy}");
    }

    [TestMethod]
    public void LargeLogitsMatchCpuReference()
    {
        var (logits, labels) = CpuReference.RandomLogits(rows: 300, classes: 4, shift: 300, spread: 20, seed: 32);
        using var context = new CudaContext();
        using var model = new SoftmaxRegression(context, featureCount: 2, classCount: 4);

        CpuReference.AssertMatches(logits, labels, 4, model.SoftmaxCrossEntropy(logits, labels));
    }

    [TestMethod]
    public void ConfidentPredictionsHaveFiniteLoss()
    {
        float[] logits = [1000f, 0f, -1000f, -1000f, 0f, 1000f];
        int[] labels = [0, 0];
        using var context = new CudaContext();
        using var model = new SoftmaxRegression(context, featureCount: 2, classCount: 3);

        var result = model.SoftmaxCrossEntropy(logits, labels);
        CpuReference.AssertNear(1000.0, result.Loss, 0.1, "loss");
        CpuReference.AssertNear(1.0, result.Probabilities[0], 1e-6, "probability of class 0 in row 0");
        CpuReference.AssertNear(1.0, result.Probabilities[5], 1e-6, "probability of class 2 in row 1");
        CpuReference.AssertNear(-0.5, result.LogitGradients[3], 1e-6, "gradient of the label's logit in row 1");
    }

    [TestMethod]
    public void TrainsOnRawMeasurements()
    {
        float[][] centers = [[120f, 40f], [40f, 120f], [-60f, -80f]];
        var train = LabeledData.Clusters(centers, spread: 15f, count: 600, seed: 43);
        var test = LabeledData.Clusters(centers, spread: 15f, count: 600, seed: 44);
        using var context = new CudaContext();
        using var model = new SoftmaxRegression(context, featureCount: 2, classCount: 3);

        var history = model.Train(train, epochs: 200, learningRate: 0.03f);
        Assert.IsTrue(float.IsFinite(history[^1]), $"final loss {history[^1]}");
        var accuracy = model.Accuracy(test);
        Assert.IsTrue(accuracy >= 0.9, $"accuracy {accuracy}");
    }
}
