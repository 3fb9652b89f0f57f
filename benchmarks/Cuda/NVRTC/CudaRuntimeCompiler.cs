using System.Runtime.InteropServices;
using System.Text;
using Dgm.Cuda.Native;

namespace Dgm.Cuda.NVRTC;

/// <summary>
/// Compiles CUDA C++ source to PTX at run time with NVRTC. Needs no GPU and no driver, only libnvrtc.
/// A failed compilation throws <see cref="NVRTCException"/> whose message holds the compiler's log.
/// </summary>
public sealed class CudaRuntimeCompiler : IDisposable
{
    private readonly NvrtcProgramHandle program;

    public CudaRuntimeCompiler(string source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        var (result, created) = Guard(() => (NvrtcApi.nvrtcCreateProgram(out var handle, source, name, 0, IntPtr.Zero, IntPtr.Zero), handle));
        Check(result, "nvrtcCreateProgram");
        program = new NvrtcProgramHandle(created);
    }

    /// <summary>The program's file name, as compiler messages show it.</summary>
    public string Name { get; }

    /// <summary>NVRTC's version, e.g. 11.8; throws <see cref="NvrtcUnavailableException"/> when it is not installed.</summary>
    public static Version Version
    {
        get
        {
            var (result, version) = Guard(() => (NvrtcApi.nvrtcVersion(out var major, out var minor), new Version(major, minor)));
            return result == nvrtcResult.Success ? version : throw Failure("nvrtcVersion", result);
        }
    }

    /// <summary>Whether NVRTC can be loaded here.</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                _ = Version;
                return true;
            }
            catch (NvrtcUnavailableException)
            {
                return false;
            }
        }
    }

    /// <summary>Compiles with NVRTC options such as --gpu-architecture=compute_70.</summary>
    public unsafe void Compile(params string[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var encoded = options.Select(o => Encoding.UTF8.GetBytes(o + "\0")).ToArray();
        var handles = encoded.Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToArray();
        try
        {
            var pointers = stackalloc byte*[Math.Max(1, options.Length)];
            for (var i = 0; i < handles.Length; i++)
            {
                pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
            }

            var result = NvrtcApi.nvrtcCompileProgram(program.DangerousGetHandle(), options.Length, pointers);
            if (result != nvrtcResult.Success)
            {
                var log = GetLogAsString();
                throw new NVRTCException(
                    $"nvrtcCompileProgram failed for {Name}: {NvrtcApi.ErrorString(result)}{(log.Length > 0 ? $"\n{log.TrimEnd()}" : "")}",
                    result,
                    log);
            }
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Free();
            }
        }
    }

    /// <summary>The PTX, with its terminating NUL (what cuModuleLoadData reads).</summary>
    public unsafe byte[] GetPTX()
    {
        Check(NvrtcApi.nvrtcGetPTXSize(program.DangerousGetHandle(), out var size), "nvrtcGetPTXSize");
        var ptx = new byte[(int)size];
        fixed (byte* data = ptx)
        {
            Check(NvrtcApi.nvrtcGetPTX(program.DangerousGetHandle(), data), "nvrtcGetPTX");
        }

        return ptx;
    }

    public string GetPTXAsString() => Encoding.UTF8.GetString(GetPTX()).TrimEnd('\0');

    /// <summary>The compiler's messages from the last compilation.</summary>
    public unsafe string GetLogAsString()
    {
        Check(NvrtcApi.nvrtcGetProgramLogSize(program.DangerousGetHandle(), out var size), "nvrtcGetProgramLogSize");
        var log = new byte[(int)size];
        fixed (byte* data = log)
        {
            Check(NvrtcApi.nvrtcGetProgramLog(program.DangerousGetHandle(), data), "nvrtcGetProgramLog");
        }

        return Encoding.UTF8.GetString(log).TrimEnd('\0');
    }

    public void Dispose() => program.Dispose();

    private static void Check(nvrtcResult result, string call)
    {
        if (result != nvrtcResult.Success)
        {
            throw Failure(call, result);
        }
    }

    private static NVRTCException Failure(string call, nvrtcResult result) =>
        new($"{call} failed: {NvrtcApi.ErrorString(result)}", result);

    /// <summary>Runs an NVRTC call; a missing library becomes <see cref="NvrtcUnavailableException"/>.</summary>
    private static TResult Guard<TResult>(Func<TResult> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new NvrtcUnavailableException(
                $"NVRTC is not installed ({string.Join(", ", NativeLibraries.Candidates(NativeLibraries.Nvrtc).Take(4))}, ... not found). "
                + "On Debian: scripts/lib/ensure-nvrtc.sh (libnvrtc11.2 from the non-free component); elsewhere install the CUDA toolkit's NVRTC or set DGM_NVRTC_LIBRARY.",
                e);
        }
    }
}
