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

    [TestMethod]
    public void MatchesTextbookAdamOverManySteps()
    {
        // Minimise sum_i a_i (p_i - t_i)^2 / 2, with the gradient computed on the host each step.
        const int Count = 300;
        var scales = CpuReference.Uniform(Count, 0.1, 10, seed: 55);
        var targets = CpuReference.Uniform(Count, -2, 2, seed: 56);
        var expected = Array.ConvertAll(CpuReference.Uniform(Count, -1, 1, seed: 57), p => (double)p);
        var reference = new CpuReference.Adam(Count, learningRate: 0.05);

        using var context = new CudaContext();
        using var adam = new AdamOptimizer(context, Count, learningRate: 0.05f);
        using var parameters = new CudaDeviceVariable<float>(Count);
        using var gradients = new CudaDeviceVariable<float>(Count);
        parameters.CopyToDevice(Array.ConvertAll(expected, p => (float)p));

        for (var step = 0; step < 50; step++)
        {
            var current = parameters.ToArray();
            gradients.CopyToDevice(current.Select((p, i) => scales[i] * (p - targets[i])).ToArray());
            adam.Step(parameters, gradients);
            reference.Step(expected, expected.Select((p, i) => scales[i] * (p - targets[i])).ToArray());
        }

        var actual = parameters.ToArray();
        for (var i = 0; i < Count; i++)
        {
            CpuReference.AssertNear(expected[i], actual[i], 1e-3, $"parameter {i} after 50 steps");
        }
    }

    [TestMethod]
    public void FitsACubic()
    {
        var (xs, ys) = CpuReference.Cubic(500, seed: 58);
        using var context = new CudaContext();
        using var fit = new PolynomialFit(context, xs, ys, degree: 3);

        var history = fit.Fit(steps: 1000, learningRate: 0.05f);
        Assert.IsTrue(history[^1] < 1e-3f, $"loss went from {history[0]} to {history[^1]}");
        float[] truth = [0.5f, -1.2f, 0.8f, 1.5f];
        var coefficients = fit.Coefficients;
        for (var p = 0; p < 4; p++)
        {
            CpuReference.AssertNear(truth[p], coefficients[p], 0.1, $"c{p}");
        }
    }
}
