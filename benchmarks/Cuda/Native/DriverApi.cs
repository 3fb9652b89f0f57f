using System.Runtime.InteropServices;

namespace Dgm.Cuda.Native;

/// <summary>The CUDA driver API functions this binding uses (the _v2 entry points of 64-bit drivers).</summary>
internal static unsafe partial class DriverApi
{
    private const string Lib = NativeLibraries.Driver;

    /// <summary>Set once a driver call has gone through, so error texts can come from the driver itself.</summary>
    private static volatile bool loaded;

    [LibraryImport(Lib, EntryPoint = "cuInit")]
    private static partial CUResult CuInit(uint flags);

    [LibraryImport(Lib, EntryPoint = "cuDriverGetVersion")]
    public static partial CUResult cuDriverGetVersion(out int version);

    [LibraryImport(Lib, EntryPoint = "cuDeviceGetCount")]
    public static partial CUResult cuDeviceGetCount(out int count);

    [LibraryImport(Lib, EntryPoint = "cuDeviceGet")]
    public static partial CUResult cuDeviceGet(out int device, int ordinal);

    [LibraryImport(Lib, EntryPoint = "cuDeviceGetName")]
    public static partial CUResult cuDeviceGetName(byte* name, int length, int device);

    [LibraryImport(Lib, EntryPoint = "cuDeviceTotalMem_v2")]
    public static partial CUResult cuDeviceTotalMem(out nuint bytes, int device);

    [LibraryImport(Lib, EntryPoint = "cuDeviceGetAttribute")]
    public static partial CUResult cuDeviceGetAttribute(out int value, DeviceAttribute attribute, int device);

    [LibraryImport(Lib, EntryPoint = "cuCtxCreate_v2")]
    public static partial CUResult cuCtxCreate(out IntPtr context, uint flags, int device);

    [LibraryImport(Lib, EntryPoint = "cuCtxDestroy_v2")]
    public static partial CUResult cuCtxDestroy(IntPtr context);

    [LibraryImport(Lib, EntryPoint = "cuCtxSetCurrent")]
    public static partial CUResult cuCtxSetCurrent(IntPtr context);

    [LibraryImport(Lib, EntryPoint = "cuCtxSynchronize")]
    public static partial CUResult cuCtxSynchronize();

    [LibraryImport(Lib, EntryPoint = "cuModuleLoadData")]
    public static partial CUResult cuModuleLoadData(out IntPtr module, byte* image);

    [LibraryImport(Lib, EntryPoint = "cuModuleUnload")]
    public static partial CUResult cuModuleUnload(IntPtr module);

    [LibraryImport(Lib, EntryPoint = "cuModuleGetFunction", StringMarshalling = StringMarshalling.Utf8)]
    public static partial CUResult cuModuleGetFunction(out IntPtr function, IntPtr module, string name);

    [LibraryImport(Lib, EntryPoint = "cuLaunchKernel")]
    public static partial CUResult cuLaunchKernel(
        IntPtr function, uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, uint blockZ,
        uint sharedMemBytes, IntPtr stream, IntPtr* kernelParams, IntPtr* extra);

    [LibraryImport(Lib, EntryPoint = "cuMemAlloc_v2")]
    public static partial CUResult cuMemAlloc(out ulong pointer, nuint bytes);

    [LibraryImport(Lib, EntryPoint = "cuMemFree_v2")]
    public static partial CUResult cuMemFree(ulong pointer);

    [LibraryImport(Lib, EntryPoint = "cuMemsetD8_v2")]
    public static partial CUResult cuMemsetD8(ulong pointer, byte value, nuint count);

    [LibraryImport(Lib, EntryPoint = "cuMemcpyHtoD_v2")]
    public static partial CUResult cuMemcpyHtoD(ulong destination, void* source, nuint bytes);

    [LibraryImport(Lib, EntryPoint = "cuMemcpyDtoH_v2")]
    public static partial CUResult cuMemcpyDtoH(void* destination, ulong source, nuint bytes);

    [LibraryImport(Lib, EntryPoint = "cuGetErrorName")]
    private static partial CUResult CuGetErrorName(CUResult error, out IntPtr text);

    [LibraryImport(Lib, EntryPoint = "cuGetErrorString")]
    private static partial CUResult CuGetErrorString(CUResult error, out IntPtr text);

    /// <summary>cuInit; a missing driver library becomes <see cref="CudaUnavailableException"/>.</summary>
    public static CUResult Init()
    {
        try
        {
            var result = CuInit(0);
            loaded = true;
            return result;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new CudaUnavailableException(
                $"no CUDA device: the CUDA driver library ({string.Join(", ", NativeLibraries.Candidates(NativeLibraries.Driver))}) is not installed on this machine",
                e);
        }
    }

    /// <summary>The driver's description of an error, or null when no driver is loaded.</summary>
    public static string? TryErrorString(CUResult error)
    {
        if (!loaded)
        {
            return null;
        }

        return CuGetErrorString(error, out var text) == CUResult.Success && text != IntPtr.Zero ? Marshal.PtrToStringUTF8(text) : null;
    }

    /// <summary>The driver's symbolic name of an error, or null when no driver is loaded.</summary>
    public static string? TryErrorName(CUResult error)
    {
        if (!loaded)
        {
            return null;
        }

        return CuGetErrorName(error, out var text) == CUResult.Success && text != IntPtr.Zero ? Marshal.PtrToStringUTF8(text) : null;
    }
}

/// <summary>The CUdevice_attribute values this binding reads.</summary>
internal enum DeviceAttribute
{
    MaxThreadsPerBlock = 1,
    MaxSharedMemoryPerBlock = 8,
    WarpSize = 10,
    MultiprocessorCount = 16,
    ComputeCapabilityMajor = 75,
    ComputeCapabilityMinor = 76,
}
