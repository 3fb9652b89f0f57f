using Dgm.Cuda;

namespace NeuralNet;

/// <summary>
/// A two-layer perceptron for regression, out = relu(x W1 + b1) . w2 + b2, trained on the GPU by
/// full-batch gradient descent on the mean squared error. Inputs are row-major, one row per sample.
/// </summary>
public sealed class Mlp : IDisposable
{
    private const string KernelFile = "mlp.cu";

    private readonly CudaKernel hiddenForward;
    private readonly CudaKernel outputForward;
    private readonly CudaKernel mseLoss;
    private readonly CudaKernel outputBackward;
    private readonly CudaKernel reluBackward;
    private readonly CudaKernel hiddenWeightGradient;
    private readonly CudaKernel sgdStep;
    private readonly CudaDeviceVariable<float> w1;
    private readonly CudaDeviceVariable<float> b1;
    private readonly CudaDeviceVariable<float> w2;
    private readonly CudaDeviceVariable<float> b2;
    private readonly CudaDeviceVariable<float> gradW1;
    private readonly CudaDeviceVariable<float> gradB1;
    private readonly CudaDeviceVariable<float> gradW2;
    private readonly CudaDeviceVariable<float> gradB2;

    public Mlp(CudaContext context, MlpParameters initial)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(initial);
        InputSize = initial.InputSize;
        HiddenSize = initial.HiddenSize;

        hiddenForward = KernelLibrary.Load(context, KernelFile, "hidden_forward");
        outputForward = KernelLibrary.Load(context, KernelFile, "output_forward");
        mseLoss = KernelLibrary.Load(context, KernelFile, "mse_loss");
        outputBackward = KernelLibrary.Load(context, KernelFile, "output_backward");
        reluBackward = KernelLibrary.Load(context, KernelFile, "relu_backward");
        hiddenWeightGradient = KernelLibrary.Load(context, KernelFile, "hidden_weight_gradient");
        sgdStep = KernelLibrary.Load(context, KernelFile, "sgd_step");

        w1 = new CudaDeviceVariable<float>(InputSize * HiddenSize);
        b1 = new CudaDeviceVariable<float>(HiddenSize);
        w2 = new CudaDeviceVariable<float>(HiddenSize);
        b2 = new CudaDeviceVariable<float>(1);
        gradW1 = new CudaDeviceVariable<float>(InputSize * HiddenSize);
        gradB1 = new CudaDeviceVariable<float>(HiddenSize);
        gradW2 = new CudaDeviceVariable<float>(HiddenSize);
        gradB2 = new CudaDeviceVariable<float>(1);
        Parameters = initial;
    }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public MlpParameters Parameters
    {
        get => new(w1.ToArray(), b1.ToArray(), w2.ToArray(), b2.ToArray()[0]);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.W1.Length != InputSize * HiddenSize || value.B1.Length != HiddenSize || value.W2.Length != HiddenSize)
            {
                throw new ArgumentException($"Expected parameters for {InputSize} inputs and {HiddenSize} hidden units.", nameof(value));
            }

            w1.CopyToDevice(value.W1);
            b1.CopyToDevice(value.B1);
            w2.CopyToDevice(value.W2);
            b2.CopyToDevice([value.B2]);
        }
    }

    /// <summary>The network's output for each row of <paramref name="inputs"/>.</summary>
    public float[] Predict(float[] inputs)
    {
        using var batch = new Batch(this, inputs, null);
        batch.Forward();
        return batch.Output.ToArray();
    }

    /// <summary>The mean squared error against <paramref name="targets"/>.</summary>
    public float Loss(float[] inputs, float[] targets)
    {
        using var batch = new Batch(this, inputs, targets);
        batch.Forward();
        return batch.Loss();
    }

    /// <summary>The gradient of <see cref="Loss"/> with respect to every parameter.</summary>
    public MlpParameters Gradients(float[] inputs, float[] targets)
    {
        using var batch = new Batch(this, inputs, targets);
        batch.Forward();
        batch.Backward();
        return new MlpParameters(gradW1.ToArray(), gradB1.ToArray(), gradW2.ToArray(), gradB2.ToArray()[0]);
    }

    /// <summary>Runs <paramref name="epochs"/> gradient-descent steps; returns the loss before each step and after the last.</summary>
    public IReadOnlyList<float> Train(float[] inputs, float[] targets, int epochs, float learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        using var batch = new Batch(this, inputs, targets);
        var history = new List<float>(epochs + 1);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            batch.Forward();
            history.Add(batch.Loss());
            batch.Backward();
            Step(w1, gradW1, learningRate);
            Step(b1, gradB1, learningRate);
            Step(w2, gradW2, learningRate);
            Step(b2, gradB2, learningRate);
        }

        batch.Forward();
        history.Add(batch.Loss());
        return history;
    }

    public void Dispose()
    {
        foreach (var buffer in new[] { w1, b1, w2, b2, gradW1, gradB1, gradW2, gradB2 })
        {
            buffer.Dispose();
        }
    }

    private void Step(CudaDeviceVariable<float> parameter, CudaDeviceVariable<float> gradient, float learningRate) =>
        KernelLibrary.Launch(sgdStep, (int)parameter.Size, parameter, gradient, learningRate, (int)parameter.Size);

    /// <summary>The device buffers for one set of samples.</summary>
    private sealed class Batch : IDisposable
    {
        private readonly Mlp net;
        private readonly int n;
        private readonly CudaDeviceVariable<float> x;
        private readonly CudaDeviceVariable<float>? y;
        private readonly CudaDeviceVariable<float> hidden;
        private readonly CudaDeviceVariable<float> gradHidden;
        private readonly CudaDeviceVariable<float> gradPre;
        private readonly CudaDeviceVariable<float> loss;

        public Batch(Mlp net, float[] inputs, float[]? targets)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            if (inputs.Length == 0 || inputs.Length % net.InputSize != 0)
            {
                throw new ArgumentException($"The inputs must be whole rows of {net.InputSize} values.", nameof(inputs));
            }

            this.net = net;
            n = inputs.Length / net.InputSize;
            if (targets is not null && targets.Length != n)
            {
                throw new ArgumentException($"Expected {n} targets, got {targets.Length}.", nameof(targets));
            }

            x = new CudaDeviceVariable<float>(inputs.Length);
            x.CopyToDevice(inputs);
            if (targets is not null)
            {
                y = new CudaDeviceVariable<float>(n);
                y.CopyToDevice(targets);
            }

            hidden = new CudaDeviceVariable<float>(n * net.HiddenSize);
            gradHidden = new CudaDeviceVariable<float>(n * net.HiddenSize);
            gradPre = new CudaDeviceVariable<float>(n * net.HiddenSize);
            Output = new CudaDeviceVariable<float>(n);
            loss = new CudaDeviceVariable<float>(1);
        }

        public CudaDeviceVariable<float> Output { get; }

        public void Forward()
        {
            int d = net.InputSize, h = net.HiddenSize;
            KernelLibrary.Launch(net.hiddenForward, n * h, x, net.w1, net.b1, hidden, n, d, h);
            KernelLibrary.Launch(net.outputForward, n, hidden, net.w2, net.b2, Output, n, h);
        }

        public float Loss()
        {
            loss.CopyToDevice(new float[1]);
            KernelLibrary.Launch(net.mseLoss, n, Output, Targets, loss, n);
            return loss.ToArray()[0];
        }

        public void Backward()
        {
            int d = net.InputSize, h = net.HiddenSize;
            net.gradW2.CopyToDevice(new float[h]);
            net.gradB2.CopyToDevice(new float[1]);
            KernelLibrary.Launch(net.outputBackward, n, Output, Targets, hidden, net.w2, net.gradW2, net.gradB2, gradHidden, n, h);
            KernelLibrary.Launch(net.reluBackward, n * h, hidden, gradHidden, gradPre, n * h);
            KernelLibrary.Launch(net.hiddenWeightGradient, (d + 1) * h, x, gradPre, net.gradW1, net.gradB1, n, d, h);
        }

        public void Dispose()
        {
            x.Dispose();
            y?.Dispose();
            hidden.Dispose();
            gradHidden.Dispose();
            gradPre.Dispose();
            Output.Dispose();
            loss.Dispose();
        }

        private CudaDeviceVariable<float> Targets =>
            y ?? throw new InvalidOperationException("This batch has no targets.");
    }
}
