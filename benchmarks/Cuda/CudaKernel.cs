using Dgm.Cuda.Native;

namespace Dgm.Cuda;

/// <summary>A kernel of a loaded module, with its launch shape.</summary>
public sealed class CudaKernel
{
    private readonly CudaContext context;
    private readonly IntPtr function;

    // Held so the module outlives every kernel taken from it.
    private readonly CudaModuleHandle module;

    internal CudaKernel(CudaContext context, CudaModuleHandle module, IntPtr function, string name)
    {
        this.context = context;
        this.module = module;
        this.function = function;
        KernelName = name;
    }

    public string KernelName { get; }

    public dim3 BlockDimensions { get; set; } = new(1);

    public dim3 GridDimensions { get; set; } = new(1);

    /// <summary>Bytes of dynamic shared memory per block (extern __shared__ arrays).</summary>
    public uint DynamicSharedMemory { get; set; }

    /// <summary>Launches the kernel on the default stream; errors from the kernel itself surface at the next synchronise.</summary>
    public unsafe void Run(params object[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ObjectDisposedException.ThrowIf(module.IsClosed, this);
        ValidateLaunch(GridDimensions, BlockDimensions);
        context.MakeCurrent();
        using var packed = KernelArguments.Pack(args);
        CudaException.Check(
            DriverApi.cuLaunchKernel(
                function,
                GridDimensions.x, GridDimensions.y, GridDimensions.z,
                BlockDimensions.x, BlockDimensions.y, BlockDimensions.z,
                DynamicSharedMemory, IntPtr.Zero, packed.Pointers, null),
            $"cuLaunchKernel({KernelName})");
    }

    /// <summary>Refuses launch shapes no device accepts, before the driver sees them.</summary>
    internal static void ValidateLaunch(dim3 grid, dim3 block)
    {
        if (grid.x == 0 || grid.y == 0 || grid.z == 0)
        {
            throw new ArgumentException($"GridDimensions {grid} has a zero component: a launch needs at least one block.");
        }

        if (block.x == 0 || block.y == 0 || block.z == 0)
        {
            throw new ArgumentException($"BlockDimensions {block} has a zero component: a block needs at least one thread.");
        }

        if (block.Count > 1024)
        {
            throw new ArgumentException($"BlockDimensions {block} asks for {block.Count} threads per block; CUDA devices allow at most 1024.");
        }
    }
}
