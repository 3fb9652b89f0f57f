using Dgm.Cuda;

namespace DenseLayers;

/// <summary>
/// A fully connected layer, y = act(x W + b), evaluated on the GPU for a batch of rows at a time.
/// W is inputs x outputs (row-major), so the forward pass is one matrix product.
/// </summary>
public sealed class DenseLayer : IDisposable
{
    private readonly CudaKernel matmul;
    private readonly CudaKernel biasActivation;
    private readonly CudaDeviceVariable<float> weights;
    private readonly CudaDeviceVariable<float> bias;

    public DenseLayer(CudaContext context, int inputs, int outputs, float[] weights, float[] bias, Activation activation = Activation.Identity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != inputs * outputs)
        {
            throw new ArgumentException($"Expected {inputs * outputs} weights, got {weights.Length}.", nameof(weights));
        }

        if (bias.Length != outputs)
        {
            throw new ArgumentException($"Expected {outputs} biases, got {bias.Length}.", nameof(bias));
        }

        Inputs = inputs;
        Outputs = outputs;
        Activation = activation;
        matmul = KernelLibrary.Load(context, "matmul.cu", "matmul_tiled");
        biasActivation = KernelLibrary.Load(context, "activations.cu", "bias_activation");
        this.weights = new CudaDeviceVariable<float>(weights.Length);
        this.weights.CopyToDevice(weights);
        this.bias = new CudaDeviceVariable<float>(outputs);
        this.bias.CopyToDevice(bias);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public Activation Activation { get; }

    /// <summary>The layer's output for each row of <paramref name="input"/> (rows x <see cref="Inputs"/>, row-major).</summary>
    public float[] Forward(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0 || input.Length % Inputs != 0)
        {
            throw new ArgumentException($"The input must be whole rows of {Inputs} values.", nameof(input));
        }

        var rows = input.Length / Inputs;
        using var x = new CudaDeviceVariable<float>(input.Length);
        x.CopyToDevice(input);
        using var y = new CudaDeviceVariable<float>(rows * Outputs);
        Forward(x, y, rows);
        return y.ToArray();
    }

    /// <summary>Device-side forward pass: <paramref name="y"/> (rows x outputs) = act(<paramref name="x"/> W + b).</summary>
    public void Forward(CudaDeviceVariable<float> x, CudaDeviceVariable<float> y, int rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Size != (long)rows * Inputs || y.Size != (long)rows * Outputs)
        {
            throw new ArgumentException($"Expected {rows} x {Inputs} inputs and {rows} x {Outputs} outputs.");
        }

        const int Tile = KernelLibrary.Tile;
        matmul.BlockDimensions = new dim3(Tile, Tile);
        matmul.GridDimensions = new dim3((uint)((Outputs + Tile - 1) / Tile), (uint)((rows + Tile - 1) / Tile));
        matmul.Run(x, weights, y, rows, Inputs, Outputs);
        KernelLibrary.Launch(biasActivation, rows * Outputs, y, bias, rows, Outputs, Activation == Activation.Relu ? 1 : 0);
    }

    public void Dispose()
    {
        weights.Dispose();
        bias.Dispose();
    }
}
