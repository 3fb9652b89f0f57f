using System.Runtime.InteropServices;

namespace Dgm.Cuda;

/// <summary>Grid or block dimensions of a launch (CUDA's dim3); unset components are 1.</summary>
#pragma warning disable CA1051, CA1815, CA2225, IDE1006 // CUDA's shape and name, as ManagedCuda has it
[StructLayout(LayoutKind.Sequential)]
public struct dim3
{
    public uint x;
    public uint y;
    public uint z;

    public dim3(uint x, uint y = 1, uint z = 1)
    {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    public static implicit operator dim3(int x) => new(checked((uint)x));

    public static implicit operator dim3(uint x) => new(x);

    /// <summary>x·y·z.</summary>
    public readonly ulong Count => (ulong)x * y * z;

    public override readonly string ToString() => $"({x}, {y}, {z})";
}
#pragma warning restore CA1051, CA1815, CA2225, IDE1006

/// <summary>A device address (CUdeviceptr).</summary>
#pragma warning disable CA1815, CA1720, IDE1006 // ManagedCuda's names
public readonly record struct CUdeviceptr(ulong Pointer);
#pragma warning restore CA1815, CA1720, IDE1006

/// <summary>Anything that lives at a device address and can be passed to a kernel as a pointer.</summary>
public interface ICudaDevicePointer
{
    CUdeviceptr DevicePointer { get; }
}
