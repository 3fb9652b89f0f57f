using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dgm.Cuda.Native;

/// <summary>
/// Finds the CUDA driver and NVRTC under the names distributions give them (libcuda.so.1, libnvrtc.so.11.2, ...).
/// DGM_NVRTC_LIBRARY names an NVRTC library file explicitly.
/// </summary>
internal static class NativeLibraries
{
    public const string Driver = "cuda";
    public const string Nvrtc = "nvrtc";

    private static readonly string[] DriverNames = ["libcuda.so.1", "libcuda.so", "nvcuda.dll"];

    private static readonly string[] NvrtcNames =
    [
        "libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so.11.1", "libnvrtc.so.11.0",
        "nvrtc64_130_0.dll", "nvrtc64_120_0.dll", "nvrtc64_112_0.dll",
    ];

#pragma warning disable CA2255 // the resolver must be in place before the first P/Invoke of this assembly
    [ModuleInitializer]
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
#pragma warning restore CA2255

    /// <summary>The file names tried for a library, in order.</summary>
    internal static IReadOnlyList<string> Candidates(string library) => library switch
    {
        Driver => DriverNames,
        Nvrtc when Environment.GetEnvironmentVariable("DGM_NVRTC_LIBRARY") is { Length: > 0 } explicitPath => [explicitPath, .. NvrtcNames],
        Nvrtc => NvrtcNames,
        _ => [library],
    };

    private static IntPtr Resolve(string library, Assembly assembly, DllImportSearchPath? searchPath)
    {
        foreach (var name in Candidates(library))
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle) || NativeLibrary.TryLoad(name, out handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero; // the runtime then throws DllNotFoundException, which callers turn into a clear message
    }
}
