using System.Text;
using Dgm.Cuda.Native;

namespace Dgm.Cuda;

/// <summary>
/// A CUDA context on one device: loads PTX modules, owns their kernels and the device memory allocated
/// while it is the newest live context. Without a driver or device the constructor throws
/// <see cref="CudaUnavailableException"/>, never a loader error.
/// </summary>
public sealed class CudaContext : IDisposable
{
    private static readonly Lock Gate = new();
    private static CudaContext? newest;
    private readonly List<CudaModuleHandle> modules = [];

    public CudaContext(int deviceId = 0)
    {
        CudaAvailability.Probe().EnsureAvailable();
        var count = GetDeviceCount();
        if (deviceId < 0 || deviceId >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(deviceId), deviceId, $"This machine has {count} CUDA device(s).");
        }

        CudaException.Check(DriverApi.cuDeviceGet(out var device, deviceId), "cuDeviceGet");
        CudaException.Check(DriverApi.cuCtxCreate(out var context, 0, device), "cuCtxCreate");
        DeviceId = deviceId;
        Handle = new ContextHandle(context);
        lock (Gate)
        {
            newest = this;
        }
    }

    public int DeviceId { get; }

    internal ContextHandle Handle { get; }

    /// <summary>The number of CUDA devices; 0 without a driver.</summary>
    public static int GetDeviceCount() => CudaAvailability.Probe().DeviceCount;

    /// <summary>Name, memory and compute capability of a device.</summary>
    public static unsafe CudaDeviceProperties GetDeviceInfo(int deviceId)
    {
        CudaAvailability.Probe().EnsureAvailable();
        CudaException.Check(DriverApi.cuDeviceGet(out var device, deviceId), "cuDeviceGet");
        var name = stackalloc byte[256];
        CudaException.Check(DriverApi.cuDeviceGetName(name, 256, device), "cuDeviceGetName");
        CudaException.Check(DriverApi.cuDeviceTotalMem(out var memory, device), "cuDeviceTotalMem");
        int Attribute(DeviceAttribute attribute)
        {
            CudaException.Check(DriverApi.cuDeviceGetAttribute(out var value, attribute, device), "cuDeviceGetAttribute");
            return value;
        }

        return new CudaDeviceProperties(
            new string((sbyte*)name),
            (long)memory,
            new Version(Attribute(DeviceAttribute.ComputeCapabilityMajor), Attribute(DeviceAttribute.ComputeCapabilityMinor)),
            Attribute(DeviceAttribute.MultiprocessorCount),
            Attribute(DeviceAttribute.MaxThreadsPerBlock),
            Attribute(DeviceAttribute.MaxSharedMemoryPerBlock),
            Attribute(DeviceAttribute.WarpSize));
    }

    /// <summary>The context that new device variables belong to: the newest live one.</summary>
    internal static CudaContext Current()
    {
        lock (Gate)
        {
            return newest ?? throw new InvalidOperationException("No live CudaContext: create one before allocating device memory.");
        }
    }

    /// <summary>Makes this context current on the calling thread (driver calls are per thread).</summary>
    internal void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        CudaException.Check(DriverApi.cuCtxSetCurrent(Handle.DangerousGetHandle()), "cuCtxSetCurrent");
    }

    /// <summary>Loads a PTX module (text, with or without its terminating NUL) and gets one kernel from it.</summary>
    public unsafe CudaKernel LoadKernelPTX(byte[] ptx, string kernelName)
    {
        ArgumentNullException.ThrowIfNull(ptx);
        ArgumentException.ThrowIfNullOrEmpty(kernelName);
        var image = ptx.Length > 0 && ptx[^1] == 0 ? ptx : [.. ptx, 0];
        MakeCurrent();
        IntPtr module;
        fixed (byte* data = image)
        {
            CudaException.Check(DriverApi.cuModuleLoadData(out module, data), "cuModuleLoadData");
        }

        var handle = new CudaModuleHandle(module, Handle);
        modules.Add(handle);
        var found = DriverApi.cuModuleGetFunction(out var function, module, kernelName);
        if (found == CUResult.ErrorNotFound)
        {
            throw new CudaException($"cuModuleGetFunction failed: {CudaErrors.Name(found)}: the PTX has no entry point '{kernelName}' (declare it extern \"C\" __global__)");
        }

        CudaException.Check(found, "cuModuleGetFunction");
        return new CudaKernel(this, handle, function, kernelName);
    }

    /// <summary>Loads PTX text and gets one kernel from it.</summary>
    public CudaKernel LoadKernelPTX(string ptx, string kernelName) => LoadKernelPTX(Encoding.UTF8.GetBytes(ptx), kernelName);

    /// <summary>Waits for every launched kernel and copy; launch failures surface here.</summary>
    public void Synchronize()
    {
        MakeCurrent();
        CudaException.Check(DriverApi.cuCtxSynchronize(), "cuCtxSynchronize");
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (newest == this)
            {
                newest = null;
            }
        }

        foreach (var module in modules)
        {
            module.Dispose();
        }

        Handle.Dispose();
    }
}

/// <summary>What a device is.</summary>
public sealed record CudaDeviceProperties(
    string Name,
    long TotalGlobalMemory,
    Version ComputeCapability,
    int MultiProcessorCount,
    int MaxThreadsPerBlock,
    int MaxSharedMemoryPerBlock,
    int WarpSize);
