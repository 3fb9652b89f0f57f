using System.Runtime.InteropServices;
using Dgm.Cuda.Native;

namespace Dgm.Cuda.NVRTC;

/// <summary>nvrtcResult, with NVRTC's numeric values.</summary>
#pragma warning disable CA1707 // names follow ManagedCuda
public enum nvrtcResult
#pragma warning restore CA1707
{
    Success = 0,
    ErrorOutOfMemory = 1,
    ErrorProgramCreationFailure = 2,
    ErrorInvalidInput = 3,
    ErrorInvalidProgram = 4,
    ErrorInvalidOption = 5,
    ErrorCompilation = 6,
    ErrorBuiltinOperationFailure = 7,
    ErrorNoNameExpressionsAfterCompilation = 8,
    ErrorNoLoweredNamesBeforeCompilation = 9,
    ErrorNameExpressionNotValid = 10,
    ErrorInternalError = 11,
}

/// <summary>The NVRTC functions this binding uses.</summary>
internal static unsafe partial class NvrtcApi
{
    private const string Lib = NativeLibraries.Nvrtc;

    [LibraryImport(Lib, EntryPoint = "nvrtcVersion")]
    public static partial nvrtcResult nvrtcVersion(out int major, out int minor);

    [LibraryImport(Lib, EntryPoint = "nvrtcCreateProgram", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nvrtcResult nvrtcCreateProgram(out IntPtr program, string source, string name, int headers, IntPtr headerSources, IntPtr includeNames);

    [LibraryImport(Lib, EntryPoint = "nvrtcCompileProgram")]
    public static partial nvrtcResult nvrtcCompileProgram(IntPtr program, int optionCount, byte** options);

    [LibraryImport(Lib, EntryPoint = "nvrtcGetPTXSize")]
    public static partial nvrtcResult nvrtcGetPTXSize(IntPtr program, out nuint size);

    [LibraryImport(Lib, EntryPoint = "nvrtcGetPTX")]
    public static partial nvrtcResult nvrtcGetPTX(IntPtr program, byte* ptx);

    [LibraryImport(Lib, EntryPoint = "nvrtcGetProgramLogSize")]
    public static partial nvrtcResult nvrtcGetProgramLogSize(IntPtr program, out nuint size);

    [LibraryImport(Lib, EntryPoint = "nvrtcGetProgramLog")]
    public static partial nvrtcResult nvrtcGetProgramLog(IntPtr program, byte* log);

    [LibraryImport(Lib, EntryPoint = "nvrtcDestroyProgram")]
    public static partial nvrtcResult nvrtcDestroyProgram(ref IntPtr program);

    [LibraryImport(Lib, EntryPoint = "nvrtcGetErrorString")]
    private static partial IntPtr NvrtcGetErrorString(nvrtcResult result);

    /// <summary>NVRTC's own text for a result code.</summary>
    public static string ErrorString(nvrtcResult result)
    {
        var text = NvrtcGetErrorString(result);
        return text == IntPtr.Zero ? result.ToString() : Marshal.PtrToStringUTF8(text) ?? result.ToString();
    }
}

/// <summary>An NVRTC program; destroyed with nvrtcDestroyProgram.</summary>
internal sealed class NvrtcProgramHandle : SafeHandle
{
    public NvrtcProgramHandle(IntPtr program)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(program);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var program = handle;
        return NvrtcApi.nvrtcDestroyProgram(ref program) == nvrtcResult.Success;
    }
}
