using Dgm.Cuda.Native;

namespace Dgm.Cuda;

/// <summary>An array of <typeparamref name="T"/> in device memory, zeroed on allocation, in the newest live context.</summary>
public sealed unsafe class CudaDeviceVariable<T> : ICudaDevicePointer, IDisposable
    where T : unmanaged
{
    private readonly CudaContext context;
    private readonly DeviceMemoryHandle memory;

    public CudaDeviceVariable(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        context = CudaContext.Current();
        context.MakeCurrent();
        Size = size;
        CudaException.Check(DriverApi.cuMemAlloc(out var pointer, (nuint)SizeInBytes), "cuMemAlloc");
        memory = new DeviceMemoryHandle(pointer, context.Handle);
        CudaException.Check(DriverApi.cuMemsetD8(pointer, 0, (nuint)SizeInBytes), "cuMemsetD8");
    }

    /// <summary>Elements.</summary>
    public long Size { get; }

    public long SizeInBytes => Size * sizeof(T);

    public CUdeviceptr DevicePointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(memory.IsClosed, this);
            return new CUdeviceptr(memory.Pointer);
        }
    }

    public void CopyToDevice(T[] source)
    {
        CheckLength(source);
        context.MakeCurrent();
        fixed (T* data = source)
        {
            CudaException.Check(DriverApi.cuMemcpyHtoD(DevicePointer.Pointer, data, (nuint)SizeInBytes), "cuMemcpyHtoD");
        }
    }

    public void CopyToHost(T[] destination)
    {
        CheckLength(destination);
        context.MakeCurrent();
        fixed (T* data = destination)
        {
            CudaException.Check(DriverApi.cuMemcpyDtoH(data, DevicePointer.Pointer, (nuint)SizeInBytes), "cuMemcpyDtoH");
        }
    }

    /// <summary>A new host array with the device contents.</summary>
    public T[] ToArray()
    {
        var host = new T[Size];
        CopyToHost(host);
        return host;
    }

    public void Dispose() => memory.Dispose();

    private void CheckLength(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.LongLength != Size)
        {
            throw new ArgumentException($"The host array has {array.LongLength} elements; the device variable has {Size}.", nameof(array));
        }
    }
}
