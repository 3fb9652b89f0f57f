using Dgm.Cuda;

namespace Optimizers;

/// <summary>
/// The Adam optimizer for one device buffer of parameters. It keeps the moment estimates on the
/// device and counts the updates it has applied.
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    private readonly CudaKernel update;
    private readonly CudaDeviceVariable<float> m;
    private readonly CudaDeviceVariable<float> v;

    public AdamOptimizer(CudaContext context, int parameterCount, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), "The decay rates must lie in [0, 1).");
        }

        ParameterCount = parameterCount;
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        update = KernelLibrary.Load(context, "adam.cu", "adam_update");
        m = new CudaDeviceVariable<float>(parameterCount);
        v = new CudaDeviceVariable<float>(parameterCount);
    }

    public int ParameterCount { get; }

    public float LearningRate { get; }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    /// <summary>How many updates have been applied.</summary>
    public int Steps { get; private set; }

    /// <summary>Applies one update to <paramref name="parameters"/> given their <paramref name="gradients"/>.</summary>
    public void Step(CudaDeviceVariable<float> parameters, CudaDeviceVariable<float> gradients)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (parameters.Size != ParameterCount || gradients.Size != ParameterCount)
        {
            throw new ArgumentException($"This optimizer updates {ParameterCount} parameters; got {parameters.Size} parameters and {gradients.Size} gradients.");
        }

        KernelLibrary.Launch(update, ParameterCount, parameters, gradients, m, v, ParameterCount, LearningRate, Beta1, Beta2, Epsilon, Steps);
        Steps++;
    }

    public void Dispose()
    {
        m.Dispose();
        v.Dispose();
    }
}
