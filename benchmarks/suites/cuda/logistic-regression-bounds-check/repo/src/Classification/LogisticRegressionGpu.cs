using Dgm.Cuda;

namespace Classification;

/// <summary>
/// Binary logistic regression trained by full-batch gradient descent on the GPU.
/// The parameters are packed as [w_0, ..., w_{d-1}, b].
/// </summary>
public sealed class LogisticRegressionGpu : IDisposable
{
    private const string KernelFile = "logistic_regression.cu";

    private readonly CudaKernel predict;
    private readonly CudaKernel loss;
    private readonly CudaKernel gradient;
    private readonly CudaKernel step;
    private readonly CudaDeviceVariable<float> data;
    private readonly CudaDeviceVariable<float> parameters;
    private readonly CudaDeviceVariable<float> probabilities;
    private readonly CudaDeviceVariable<float> gradientBuffer;
    private readonly CudaDeviceVariable<float> lossBuffer;

    public LogisticRegressionGpu(CudaContext context, ClassificationData dataSet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataSet);
        SampleCount = dataSet.SampleCount;
        FeatureCount = dataSet.FeatureCount;

        predict = KernelLibrary.Load(context, KernelFile, "predict_proba");
        loss = KernelLibrary.Load(context, KernelFile, "log_loss");
        gradient = KernelLibrary.Load(context, KernelFile, "log_loss_gradient");
        step = KernelLibrary.Load(context, KernelFile, "gradient_step");

        // One packed upload: the features, then the labels. The allocation is rounded up to whole
        // blocks of samples; the tail stays zero.
        var capacity = KernelLibrary.Blocks(SampleCount) * KernelLibrary.BlockSize;
        var packed = new float[capacity * (FeatureCount + 1)];
        dataSet.Features.CopyTo(packed, 0);
        dataSet.Labels.CopyTo(packed, SampleCount * FeatureCount);
        data = new CudaDeviceVariable<float>(packed.Length);
        data.CopyToDevice(packed);

        parameters = new CudaDeviceVariable<float>(ParameterCount);
        probabilities = new CudaDeviceVariable<float>(SampleCount);
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

    /// <summary>The probability of class 1 for every sample.</summary>
    public float[] PredictProbabilities()
    {
        RunPredict();
        return probabilities.ToArray();
    }

    /// <summary>The fraction of samples whose label is the more probable class.</summary>
    public double Accuracy(float[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var p = PredictProbabilities();
        var correct = 0;
        for (var i = 0; i < SampleCount; i++)
        {
            if ((p[i] >= 0.5f) == (labels[i] >= 0.5f))
            {
                correct++;
            }
        }

        return (double)correct / SampleCount;
    }

    /// <summary>The mean binary cross-entropy over the data set.</summary>
    public float Loss()
    {
        RunPredict();
        lossBuffer.CopyToDevice(new float[1]);
        KernelLibrary.Launch(loss, SampleCount, data, probabilities, lossBuffer, SampleCount, FeatureCount);
        return lossBuffer.ToArray()[0];
    }

    /// <summary>The gradient of <see cref="Loss"/> with respect to [w, b].</summary>
    public float[] Gradient()
    {
        RunGradient();
        return gradientBuffer.ToArray();
    }

    /// <summary>Runs <paramref name="epochs"/> gradient-descent steps.</summary>
    public void Train(int epochs, float learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            RunGradient();
            KernelLibrary.Launch(step, ParameterCount, parameters, gradientBuffer, learningRate, ParameterCount);
        }
    }

    public void Dispose()
    {
        data.Dispose();
        parameters.Dispose();
        probabilities.Dispose();
        gradientBuffer.Dispose();
        lossBuffer.Dispose();
    }

    private void RunPredict() =>
        KernelLibrary.Launch(predict, SampleCount, data, parameters, probabilities, SampleCount, FeatureCount);

    private void RunGradient()
    {
        gradientBuffer.CopyToDevice(new float[ParameterCount]);
        KernelLibrary.Launch(gradient, SampleCount, data, parameters, gradientBuffer, SampleCount, FeatureCount);
    }
}
