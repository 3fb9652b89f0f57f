using Dgm.Cuda;

namespace Optimizers.Tests;

[TestClass]
public sealed class AdamTests
{
    [TestMethod]
    public void PolynomialLossAndGradientMatchCpuReference()
    {
        var (xs, ys) = CpuReference.Cubic(500, seed: 51);
        using var context = new CudaContext();
        using var fit = new PolynomialFit(context, xs, ys, degree: 3);
        var coefficients = CpuReference.Uniform(4, -1, 1, seed: 52);
        fit.Coefficients = coefficients;

        var expected = CpuReference.PolynomialLoss(xs, ys, coefficients);
        var (loss, gradient) = fit.Evaluate();
        CpuReference.AssertNear(expected.Loss, loss, 1e-4 * expected.Loss, "loss");
        for (var p = 0; p < 4; p++)
        {
            CpuReference.AssertNear(expected.Gradient[p], gradient[p], 1e-4, $"gradient of c{p}");
        }
    }

    [TestMethod]
    public void RejectsBuffersOfTheWrongSize()
    {
        using var context = new CudaContext();
        using var adam = new AdamOptimizer(context, parameterCount: 4);
        using var parameters = new CudaDeviceVariable<float>(4);
        using var gradients = new CudaDeviceVariable<float>(5);

        Assert.ThrowsExactly<ArgumentException>(() => adam.Step(parameters, gradients));
        Assert.AreEqual(0, adam.Steps);
    }

    [TestMethod]
    public void FirstStepMovesEachParameterByTheLearningRate()
    {
        // With bias correction, Adam's first update is learning_rate * g / (|g| + epsilon).
        const int Count = 1000;
        var initial = CpuReference.Uniform(Count, -1, 1, seed: 53);
        var grads = CpuReference.Uniform(Count, 0.1, 2, seed: 54);
        for (var i = 0; i < Count; i += 2)
        {
            grads[i] = -grads[i];
        }

        using var context = new CudaContext();
        using var adam = new AdamOptimizer(context, Count, learningRate: 0.01f);
        using var parameters = new CudaDeviceVariable<float>(Count);
        using var gradients = new CudaDeviceVariable<float>(Count);
        parameters.CopyToDevice(initial);
        gradients.CopyToDevice(grads);

        adam.Step(parameters, gradients);
        var updated = parameters.ToArray();
        for (var i = 0; i < Count; i++)
        {
            CpuReference.AssertNear(initial[i] - (0.01 * Math.Sign(grads[i])), updated[i], 1e-5, $"parameter {i}");
        }
    }
}
