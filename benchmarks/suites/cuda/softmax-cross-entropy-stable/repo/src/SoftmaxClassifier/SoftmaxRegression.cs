using Dgm.Cuda;

namespace SoftmaxClassifier;

/// <summary>
/// Multinomial logistic regression trained on the GPU by full-batch gradient descent on the mean
/// cross-entropy. The weights are feature-major (W[j][c] at j * classes + c); they start at zero.
/// </summary>
public sealed class SoftmaxRegression : IDisposable
{
    private const string KernelFile = "softmax.cu";

    private readonly CudaKernel logitsKernel;
    private readonly CudaKernel softmaxKernel;
    private readonly CudaKernel gradientKernel;
    private readonly CudaKernel stepKernel;
    private readonly CudaDeviceVariable<float> weights;
    private readonly CudaDeviceVariable<float> bias;
    private readonly CudaDeviceVariable<float> gradWeights;
    private readonly CudaDeviceVariable<float> gradBias;

    public SoftmaxRegression(CudaContext context, int featureCount, int classCount)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        FeatureCount = featureCount;
        ClassCount = classCount;

        logitsKernel = KernelLibrary.Load(context, KernelFile, "linear_logits");
        softmaxKernel = KernelLibrary.Load(context, KernelFile, "softmax_cross_entropy");
        gradientKernel = KernelLibrary.Load(context, KernelFile, "weight_gradient");
        stepKernel = KernelLibrary.Load(context, KernelFile, "sgd_step");

        weights = new CudaDeviceVariable<float>(featureCount * classCount);
        bias = new CudaDeviceVariable<float>(classCount);
        gradWeights = new CudaDeviceVariable<float>(featureCount * classCount);
        gradBias = new CudaDeviceVariable<float>(classCount);
    }

    public int FeatureCount { get; }

    public int ClassCount { get; }

    public float[] Weights => weights.ToArray();

    public float[] Bias => bias.ToArray();

    /// <summary>Runs the softmax cross-entropy kernel on given logits (row-major, <see cref="ClassCount"/> per row).</summary>
    public SoftmaxResult SoftmaxCrossEntropy(float[] logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Length != labels.Length * ClassCount)
        {
            throw new ArgumentException($"Expected {labels.Length * ClassCount} logits for {labels.Length} labels.", nameof(logits));
        }

        using var logitsBuffer = new CudaDeviceVariable<float>(logits.Length);
        logitsBuffer.CopyToDevice(logits);
        using var batch = new Batch(this, logitsBuffer, labels);
        var loss = batch.Softmax();
        return new SoftmaxResult(batch.Probabilities.ToArray(), batch.LogitGradients.ToArray(), loss);
    }

    /// <summary>Runs <paramref name="epochs"/> gradient-descent steps; returns the loss before each step and after the last.</summary>
    public IReadOnlyList<float> Train(LabeledData data, int epochs, float learningRate)
    {
        CheckShape(data);
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        using var x = Upload(data.Features);
        using var logits = new CudaDeviceVariable<float>(data.Count * ClassCount);
        using var batch = new Batch(this, logits, data.Labels);
        var history = new List<float>(epochs + 1);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            ComputeLogits(x, logits, data.Count);
            history.Add(batch.Softmax());
            KernelLibrary.Launch(gradientKernel, (FeatureCount + 1) * ClassCount, x, batch.LogitGradients, gradWeights, gradBias, data.Count, FeatureCount, ClassCount);
            KernelLibrary.Launch(stepKernel, FeatureCount * ClassCount, weights, gradWeights, learningRate, FeatureCount * ClassCount);
            KernelLibrary.Launch(stepKernel, ClassCount, bias, gradBias, learningRate, ClassCount);
        }

        ComputeLogits(x, logits, data.Count);
        history.Add(batch.Softmax());
        return history;
    }

    /// <summary>The most probable class of each sample.</summary>
    public int[] Predict(LabeledData data)
    {
        CheckShape(data);
        using var x = Upload(data.Features);
        using var logits = new CudaDeviceVariable<float>(data.Count * ClassCount);
        using var batch = new Batch(this, logits, data.Labels);
        ComputeLogits(x, logits, data.Count);
        batch.Softmax();
        var probabilities = batch.Probabilities.ToArray();
        var predictions = new int[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var best = 0;
            for (var c = 1; c < ClassCount; c++)
            {
                if (probabilities[(i * ClassCount) + c] > probabilities[(i * ClassCount) + best])
                {
                    best = c;
                }
            }

            predictions[i] = best;
        }

        return predictions;
    }

    /// <summary>The fraction of samples whose label is the predicted class.</summary>
    public double Accuracy(LabeledData data)
    {
        var predictions = Predict(data);
        return (double)predictions.Where((p, i) => p == data.Labels[i]).Count() / data.Count;
    }

    public void Dispose()
    {
        weights.Dispose();
        bias.Dispose();
        gradWeights.Dispose();
        gradBias.Dispose();
    }

    private static CudaDeviceVariable<float> Upload(float[] values)
    {
        var buffer = new CudaDeviceVariable<float>(values.Length);
        buffer.CopyToDevice(values);
        return buffer;
    }

    private void CheckShape(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != FeatureCount || data.ClassCount != ClassCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features and {ClassCount} classes.", nameof(data));
        }
    }

    private void ComputeLogits(CudaDeviceVariable<float> x, CudaDeviceVariable<float> logits, int n) =>
        KernelLibrary.Launch(logitsKernel, n * ClassCount, x, weights, bias, logits, n, FeatureCount, ClassCount);

    /// <summary>Device buffers for the softmax of one set of logits.</summary>
    private sealed class Batch : IDisposable
    {
        private readonly SoftmaxRegression model;
        private readonly CudaDeviceVariable<float> logits;
        private readonly CudaDeviceVariable<int> labels;
        private readonly CudaDeviceVariable<float> loss;
        private readonly int n;

        public Batch(SoftmaxRegression model, CudaDeviceVariable<float> logits, int[] labels)
        {
            if (labels.Any(label => label < 0 || label >= model.ClassCount))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Labels must be class indices below {model.ClassCount}.");
            }

            this.model = model;
            this.logits = logits;
            n = labels.Length;
            this.labels = new CudaDeviceVariable<int>(n);
            this.labels.CopyToDevice(labels);
            Probabilities = new CudaDeviceVariable<float>(n * model.ClassCount);
            LogitGradients = new CudaDeviceVariable<float>(n * model.ClassCount);
            loss = new CudaDeviceVariable<float>(1);
        }

        public CudaDeviceVariable<float> Probabilities { get; }

        public CudaDeviceVariable<float> LogitGradients { get; }

        /// <summary>Runs the softmax cross-entropy kernel; returns the mean cross-entropy.</summary>
        public float Softmax()
        {
            loss.CopyToDevice(new float[1]);
            KernelLibrary.Launch(model.softmaxKernel, n, logits, labels, Probabilities, LogitGradients, loss, n, model.ClassCount);
            return loss.ToArray()[0];
        }

        public void Dispose()
        {
            labels.Dispose();
            Probabilities.Dispose();
            LogitGradients.Dispose();
            loss.Dispose();
        }
    }
}
