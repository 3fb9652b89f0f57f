using Dgm.Cuda;

namespace Optimizers;

/// <summary>Fits a polynomial to samples by minimising the mean squared error on the GPU.</summary>
public sealed class PolynomialFit : IDisposable
{
    private readonly CudaContext context;
    private readonly CudaKernel lossGradient;
    private readonly CudaDeviceVariable<float> x;
    private readonly CudaDeviceVariable<float> y;
    private readonly CudaDeviceVariable<float> coefficients;
    private readonly CudaDeviceVariable<float> gradient;
    private readonly CudaDeviceVariable<float> loss;

    public PolynomialFit(CudaContext context, float[] xs, float[] ys, int degree)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        if (xs.Length != ys.Length || xs.Length == 0)
        {
            throw new ArgumentException("Expected as many x values as y values, and at least one.");
        }

        this.context = context;
        SampleCount = xs.Length;
        Degree = degree;
        lossGradient = KernelLibrary.Load(context, "polynomial.cu", "polynomial_loss_gradient");
        x = new CudaDeviceVariable<float>(SampleCount);
        x.CopyToDevice(xs);
        y = new CudaDeviceVariable<float>(SampleCount);
        y.CopyToDevice(ys);
        coefficients = new CudaDeviceVariable<float>(degree + 1);
        gradient = new CudaDeviceVariable<float>(degree + 1);
        loss = new CudaDeviceVariable<float>(1);
    }

    public int SampleCount { get; }

    public int Degree { get; }

    /// <summary>c_0 .. c_degree; all zero after construction.</summary>
    public float[] Coefficients
    {
        get => coefficients.ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length != Degree + 1)
            {
                throw new ArgumentException($"Expected {Degree + 1} coefficients.", nameof(value));
            }

            coefficients.CopyToDevice(value);
        }
    }

    /// <summary>The mean squared error of the current coefficients and its gradient.</summary>
    public (float Loss, float[] Gradient) Evaluate()
    {
        var current = Compute();
        return (current, gradient.ToArray());
    }

    /// <summary>Runs <paramref name="steps"/> Adam updates; returns the loss before each update and after the last.</summary>
    public IReadOnlyList<float> Fit(int steps, float learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        using var adam = new AdamOptimizer(context, Degree + 1, learningRate);
        var history = new List<float>(steps + 1);
        for (var s = 0; s < steps; s++)
        {
            history.Add(Compute());
            adam.Step(coefficients, gradient);
        }

        history.Add(Compute());
        return history;
    }

    public void Dispose()
    {
        x.Dispose();
        y.Dispose();
        coefficients.Dispose();
        gradient.Dispose();
        loss.Dispose();
    }

    private float Compute()
    {
        loss.CopyToDevice(new float[1]);
        gradient.CopyToDevice(new float[Degree + 1]);
        KernelLibrary.Launch(lossGradient, SampleCount, x, y, coefficients, loss, gradient, SampleCount, Degree);
        return loss.ToArray()[0];
    }
}
