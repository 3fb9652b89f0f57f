using System.Runtime.InteropServices;

namespace Dgm.Cuda.Native;

/// <summary>A CUDA context; destroyed with cuCtxDestroy.</summary>
internal sealed class ContextHandle : SafeHandle
{
    public ContextHandle(IntPtr context)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(context);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => DriverApi.cuCtxDestroy(handle) == CUResult.Success;
}

/// <summary>A loaded module; unloaded with cuModuleUnload. Keeps its context alive.</summary>
internal sealed class CudaModuleHandle : SafeHandle
{
    private readonly ContextHandle context;

    public CudaModuleHandle(IntPtr module, ContextHandle context)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(module);
        this.context = context;
        var added = false;
        context.DangerousAddRef(ref added);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        _ = DriverApi.cuCtxSetCurrent(context.DangerousGetHandle());
        var ok = DriverApi.cuModuleUnload(handle) == CUResult.Success;
        context.DangerousRelease();
        return ok;
    }
}

/// <summary>Device memory from cuMemAlloc; freed with cuMemFree in its context. Keeps its context alive.</summary>
internal sealed class DeviceMemoryHandle : SafeHandle
{
    private readonly ContextHandle context;

    public DeviceMemoryHandle(ulong pointer, ContextHandle context)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(new IntPtr(unchecked((long)pointer)));
        this.context = context;
        var added = false;
        context.DangerousAddRef(ref added);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public ulong Pointer => unchecked((ulong)handle.ToInt64());

    protected override bool ReleaseHandle()
    {
        _ = DriverApi.cuCtxSetCurrent(context.DangerousGetHandle());
        var ok = DriverApi.cuMemFree(Pointer) == CUResult.Success;
        context.DangerousRelease();
        return ok;
    }
}
