using System.Runtime.InteropServices;

namespace Dgm.Cuda;

/// <summary>
/// Kernel arguments as cuLaunchKernel wants them: an array of pointers, each to one argument's value.
/// The values live in one unmanaged block (8-byte slots), freed on dispose.
/// </summary>
internal sealed unsafe class KernelArguments : IDisposable
{
    private const int Slot = 8;
    private byte* values;
    private IntPtr* pointers;

    private KernelArguments(int count)
    {
        Count = count;
        values = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(1, count * Slot));
        pointers = (IntPtr*)NativeMemory.AllocZeroed((nuint)Math.Max(1, count * sizeof(IntPtr)));
    }

    ~KernelArguments() => Free();

    public int Count { get; }

    /// <summary>The void** that cuLaunchKernel reads.</summary>
    public IntPtr* Pointers => pointers;

    /// <summary>Packs device variables (as their device pointers), device pointers and primitive numbers.</summary>
    public static KernelArguments Pack(IReadOnlyList<object> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var packed = new KernelArguments(args.Count);
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var slot = packed.values + (i * Slot);
                packed.pointers[i] = (IntPtr)slot;
                switch (args[i])
                {
                    case ICudaDevicePointer variable: *(ulong*)slot = variable.DevicePointer.Pointer; break;
                    case CUdeviceptr pointer: *(ulong*)slot = pointer.Pointer; break;
                    case int v: *(int*)slot = v; break;
                    case uint v: *(uint*)slot = v; break;
                    case long v: *(long*)slot = v; break;
                    case ulong v: *(ulong*)slot = v; break;
                    case float v: *(float*)slot = v; break;
                    case double v: *(double*)slot = v; break;
                    case short v: *(short*)slot = v; break;
                    case ushort v: *(ushort*)slot = v; break;
                    case byte v: *slot = v; break;
                    case sbyte v: *(sbyte*)slot = v; break;
                    case bool v: *slot = v ? (byte)1 : (byte)0; break;
                    default:
                        throw new ArgumentException(
                            $"Kernel argument {i} is {(args[i] is null ? "null" : args[i].GetType().Name)}: pass a CudaDeviceVariable<T>, a CUdeviceptr or a number (int, uint, long, ulong, float, double, short, ushort, byte, sbyte, bool).",
                            nameof(args));
                }
            }

            return packed;
        }
        catch
        {
            packed.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        NativeMemory.Free(values);
        NativeMemory.Free(pointers);
        values = null;
        pointers = null;
    }
}
