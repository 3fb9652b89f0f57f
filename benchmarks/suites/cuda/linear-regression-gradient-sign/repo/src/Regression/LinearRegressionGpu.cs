using Dgm.Cuda;

namespace Regression;

/// <summary>
/// Least-squares linear regression trained by full-batch gradient descent on the GPU.
/// The parameters are packed as [w_0, ..., w_{d-1}, b].
/// </summary>
public sealed class LinearRegressionGpu : IDisposable
{
    private const string KernelFile = "linear_regression.cu";

    private readonly CudaKernel predict;
    private readonly CudaKernel loss;
    private readonly CudaKernel gradient;
    private readonly CudaKernel step;
    private readonly CudaDeviceVariable<float> features;
    private readonly CudaDeviceVariable<float> targets;
    private readonly CudaDeviceVariable<float> parameters;
    private readonly CudaDeviceVariable<float> predictions;
    private readonly CudaDeviceVariable<float> gradientBuffer;
    private readonly CudaDeviceVariable<float> lossBuffer;

    public LinearRegressionGpu(CudaContext context, RegressionData data)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        SampleCount = data.SampleCount;
        FeatureCount = data.FeatureCount;

        predict = KernelLibrary.Load(context, KernelFile, "predict");
        loss = KernelLibrary.Load(context, KernelFile, "mse_loss");
        gradient = KernelLibrary.Load(context, KernelFile, "mse_gradient");
        step = KernelLibrary.Load(context, KernelFile, "sgd_step");

        features = new CudaDeviceVariable<float>(data.Features.Length);
        features.CopyToDevice(data.Features);
        targets = new CudaDeviceVariable<float>(data.Targets.Length);
        targets.CopyToDevice(data.Targets);
        parameters = new CudaDeviceVariable<float>(ParameterCount);
        predictions = new CudaDeviceVariable<float>(SampleCount);
        gradientBuffer = new CudaDeviceVariable<float>(ParameterCount);
        lossBuffer = new CudaDeviceVariable<float>(1);
    }

    public int SampleCount { get; }

    public int FeatureCount { get; }

    /// <summary>The weights plus the bias.</summary>
    public int ParameterCount => FeatureCount + 1;

    /// <summary>The current [w, b]; all zero after construction.</summary>
    public float[] Parameters
    {
        get => parameters.ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length != ParameterCount)
            {
                throw new ArgumentException($"Expected {ParameterCount} parameters, got {value.Length}.", nameof(value));
            }

            parameters.CopyToDevice(value);
        }
    }

    /// <summary>The model's prediction for every sample.</summary>
    public float[] Predict()
    {
        RunPredict();
        return predictions.ToArray();
    }

    /// <summary>The mean squared error over the data set.</summary>
    public float Loss()
    {
        RunPredict();
        return RunLoss();
    }

    /// <summary>The gradient of <see cref="Loss"/> with respect to [w, b].</summary>
    public float[] Gradient()
    {
        RunPredict();
        RunGradient();
        return gradientBuffer.ToArray();
    }

    /// <summary>Runs <paramref name="epochs"/> gradient-descent steps; returns the loss before each step and after the last.</summary>
    public IReadOnlyList<float> Train(int epochs, float learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        var history = new List<float>(epochs + 1);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            RunPredict();
            history.Add(RunLoss());
            RunGradient();
            KernelLibrary.Launch(step, ParameterCount, parameters, gradientBuffer, learningRate, ParameterCount);
        }

        history.Add(Loss());
        return history;
    }

    public void Dispose()
    {
        features.Dispose();
        targets.Dispose();
        parameters.Dispose();
        predictions.Dispose();
        gradientBuffer.Dispose();
        lossBuffer.Dispose();
    }

    private void RunPredict() =>
        KernelLibrary.Launch(predict, SampleCount, features, parameters, predictions, SampleCount, FeatureCount);

    private float RunLoss()
    {
        lossBuffer.CopyToDevice(new float[1]);
        KernelLibrary.Launch(loss, SampleCount, predictions, targets, lossBuffer, SampleCount);
        return lossBuffer.ToArray()[0];
    }

    private void RunGradient()
    {
        gradientBuffer.CopyToDevice(new float[ParameterCount]);
        KernelLibrary.Launch(gradient, SampleCount, features, targets, predictions, gradientBuffer, SampleCount, FeatureCount);
    }
}
