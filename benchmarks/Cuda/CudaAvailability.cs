using Dgm.Cuda.Native;

namespace Dgm.Cuda;

/// <summary>Whether this machine can run CUDA code, and if not, why: the "no CUDA device" outcome.</summary>
public sealed record CudaAvailability(bool Available, int DeviceCount, string Reason)
{
    private static readonly Lazy<CudaAvailability> Cached = new(Detect);

    /// <summary>Probes the driver once per process: never throws.</summary>
    public static CudaAvailability Probe() => Cached.Value;

    private static CudaAvailability Detect()
    {
        try
        {
            var init = DriverApi.Init();
            if (init != CUResult.Success)
            {
                return new(false, 0, $"no CUDA device: cuInit failed with {CudaErrors.Name(init)} ({CudaErrors.Describe(init)})");
            }

            CudaException.Check(DriverApi.cuDeviceGetCount(out var count), "cuDeviceGetCount");
            return count > 0
                ? new(true, count, $"{count} CUDA device(s)")
                : new(false, 0, "no CUDA device: the driver reports none");
        }
        catch (CudaException e)
        {
            return new(false, 0, e.Message);
        }
    }

    /// <summary>Throws <see cref="CudaUnavailableException"/> with the reason unless a device is present.</summary>
    public void EnsureAvailable()
    {
        if (!Available)
        {
            throw new CudaUnavailableException(Reason);
        }
    }
}
