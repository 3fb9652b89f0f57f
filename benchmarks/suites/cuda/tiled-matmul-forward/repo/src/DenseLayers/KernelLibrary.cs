using Dgm.Cuda;
using Dgm.Cuda.NVRTC;

namespace DenseLayers;

/// <summary>Compiles the CUDA sources shipped in Kernels/ with NVRTC and loads their entry points.</summary>
internal static class KernelLibrary
{
    public const int BlockSize = 256;

    /// <summary>The tile width of matmul.cu.</summary>
    public const int Tile = 16;

    private static readonly Dictionary<string, byte[]> Ptx = new();

    public static CudaKernel Load(CudaContext context, string file, string entry)
    {
        byte[]? ptx;
        lock (Ptx)
        {
            if (!Ptx.TryGetValue(file, out ptx))
            {
                var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kernels", file));
                using var compiler = new CudaRuntimeCompiler(source, file);
                compiler.Compile("--gpu-architecture=compute_70", "--std=c++14");
                ptx = compiler.GetPTX();
                Ptx[file] = ptx;
            }
        }

        return context.LoadKernelPTX(ptx, entry);
    }

    /// <summary>Launches a one-dimensional kernel with one thread per item.</summary>
    public static void Launch(CudaKernel kernel, int items, params object[] args)
    {
        kernel.BlockDimensions = BlockSize;
        kernel.GridDimensions = Math.Max(1, (items + BlockSize - 1) / BlockSize);
        kernel.Run(args);
    }
}
