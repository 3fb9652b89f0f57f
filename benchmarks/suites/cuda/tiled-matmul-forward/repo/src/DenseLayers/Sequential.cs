using Dgm.Cuda;

namespace DenseLayers;

/// <summary>Layers applied one after another, with the intermediate activations kept on the device.</summary>
public sealed class Sequential(IReadOnlyList<DenseLayer> layers)
{
    public IReadOnlyList<DenseLayer> Layers { get; } = Check(layers);

    public float[] Forward(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var first = Layers[0];
        if (input.Length == 0 || input.Length % first.Inputs != 0)
        {
            throw new ArgumentException($"The input must be whole rows of {first.Inputs} values.", nameof(input));
        }

        var rows = input.Length / first.Inputs;
        var current = new CudaDeviceVariable<float>(input.Length);
        try
        {
            current.CopyToDevice(input);
            foreach (var layer in Layers)
            {
                var next = new CudaDeviceVariable<float>(rows * layer.Outputs);
                layer.Forward(current, next, rows);
                current.Dispose();
                current = next;
            }

            return current.ToArray();
        }
        finally
        {
            current.Dispose();
        }
    }

    private static IReadOnlyList<DenseLayer> Check(IReadOnlyList<DenseLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        for (var i = 1; i < layers.Count; i++)
        {
            if (layers[i].Inputs != layers[i - 1].Outputs)
            {
                throw new ArgumentException($"Layer {i} takes {layers[i].Inputs} inputs but layer {i - 1} gives {layers[i - 1].Outputs}.", nameof(layers));
            }
        }

        return layers;
    }
}
