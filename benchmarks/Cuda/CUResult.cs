namespace Dgm.Cuda;

/// <summary>CUDA driver API result codes (CUresult), with the driver's numeric values.</summary>
#pragma warning disable CA1028, CA1707 // the values are the driver's; names follow ManagedCuda
public enum CUResult
{
    Success = 0,
    ErrorInvalidValue = 1,
    ErrorOutOfMemory = 2,
    ErrorNotInitialized = 3,
    ErrorDeinitialized = 4,
    ErrorStubLibrary = 34,
    ErrorNoDevice = 100,
    ErrorInvalidDevice = 101,
    ErrorDeviceNotLicensed = 102,
    ErrorInvalidImage = 200,
    ErrorInvalidContext = 201,
    ErrorNoBinaryForGPU = 209,
    ErrorInvalidPtx = 218,
    ErrorJitCompilerNotFound = 221,
    ErrorUnsupportedPtxVersion = 222,
    ErrorInvalidSource = 300,
    ErrorFileNotFound = 301,
    ErrorInvalidHandle = 400,
    ErrorNotFound = 500,
    ErrorNotReady = 600,
    ErrorIllegalAddress = 700,
    ErrorLaunchOutOfResources = 701,
    ErrorLaunchTimeout = 702,
    ErrorIllegalInstruction = 715,
    ErrorMisalignedAddress = 716,
    ErrorLaunchFailed = 719,
    ErrorNotPermitted = 800,
    ErrorNotSupported = 801,
    ErrorUnknown = 999,
}
#pragma warning restore CA1028, CA1707

/// <summary>The driver's names for result codes and what they mean, for messages that say why a call failed.</summary>
public static class CudaErrors
{
    private static readonly Dictionary<CUResult, (string Name, string Meaning)> Known = new()
    {
        [CUResult.Success] = ("CUDA_SUCCESS", "no error"),
        [CUResult.ErrorInvalidValue] = ("CUDA_ERROR_INVALID_VALUE", "an argument is out of range"),
        [CUResult.ErrorOutOfMemory] = ("CUDA_ERROR_OUT_OF_MEMORY", "the device ran out of memory"),
        [CUResult.ErrorNotInitialized] = ("CUDA_ERROR_NOT_INITIALIZED", "cuInit has not succeeded"),
        [CUResult.ErrorDeinitialized] = ("CUDA_ERROR_DEINITIALIZED", "the driver is shutting down"),
        [CUResult.ErrorStubLibrary] = ("CUDA_ERROR_STUB_LIBRARY", "the loaded libcuda is a stub, not a real driver"),
        [CUResult.ErrorNoDevice] = ("CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is present"),
        [CUResult.ErrorInvalidDevice] = ("CUDA_ERROR_INVALID_DEVICE", "the device ordinal is not a valid device"),
        [CUResult.ErrorDeviceNotLicensed] = ("CUDA_ERROR_DEVICE_NOT_LICENSED", "the device is not licensed for this use"),
        [CUResult.ErrorInvalidImage] = ("CUDA_ERROR_INVALID_IMAGE", "the module image is not valid"),
        [CUResult.ErrorInvalidContext] = ("CUDA_ERROR_INVALID_CONTEXT", "no valid context is current on this thread"),
        [CUResult.ErrorNoBinaryForGPU] = ("CUDA_ERROR_NO_BINARY_FOR_GPU", "the module has no code for this GPU"),
        [CUResult.ErrorInvalidPtx] = ("CUDA_ERROR_INVALID_PTX", "the PTX failed to JIT-compile"),
        [CUResult.ErrorJitCompilerNotFound] = ("CUDA_ERROR_JIT_COMPILER_NOT_FOUND", "the PTX JIT compiler library is missing"),
        [CUResult.ErrorUnsupportedPtxVersion] = ("CUDA_ERROR_UNSUPPORTED_PTX_VERSION", "the PTX is newer than this driver supports"),
        [CUResult.ErrorInvalidSource] = ("CUDA_ERROR_INVALID_SOURCE", "the kernel source is not valid"),
        [CUResult.ErrorFileNotFound] = ("CUDA_ERROR_FILE_NOT_FOUND", "the file was not found"),
        [CUResult.ErrorInvalidHandle] = ("CUDA_ERROR_INVALID_HANDLE", "a handle (context, module, function) is not valid"),
        [CUResult.ErrorNotFound] = ("CUDA_ERROR_NOT_FOUND", "the named symbol (kernel) was not found in the module"),
        [CUResult.ErrorNotReady] = ("CUDA_ERROR_NOT_READY", "asynchronous work has not completed yet"),
        [CUResult.ErrorIllegalAddress] = ("CUDA_ERROR_ILLEGAL_ADDRESS", "a kernel accessed an illegal memory address"),
        [CUResult.ErrorLaunchOutOfResources] = ("CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", "too many resources requested for the launch (threads, registers, shared memory)"),
        [CUResult.ErrorLaunchTimeout] = ("CUDA_ERROR_LAUNCH_TIMEOUT", "the kernel ran past the device's time limit"),
        [CUResult.ErrorIllegalInstruction] = ("CUDA_ERROR_ILLEGAL_INSTRUCTION", "a kernel executed an illegal instruction"),
        [CUResult.ErrorMisalignedAddress] = ("CUDA_ERROR_MISALIGNED_ADDRESS", "a kernel accessed a misaligned address"),
        [CUResult.ErrorLaunchFailed] = ("CUDA_ERROR_LAUNCH_FAILED", "the kernel failed while running"),
        [CUResult.ErrorNotPermitted] = ("CUDA_ERROR_NOT_PERMITTED", "the operation is not permitted"),
        [CUResult.ErrorNotSupported] = ("CUDA_ERROR_NOT_SUPPORTED", "the operation is not supported on this device"),
        [CUResult.ErrorUnknown] = ("CUDA_ERROR_UNKNOWN", "an unknown internal error"),
    };

    /// <summary>The driver's symbolic name, such as CUDA_ERROR_INVALID_VALUE (the driver's own when one is loaded); unknown codes keep their number.</summary>
    public static string Name(CUResult result) =>
        Native.DriverApi.TryErrorName(result) ?? (Known.TryGetValue(result, out var known) ? known.Name : $"CUDA_ERROR_{(int)result}");

    /// <summary>What the code means: the driver's own text when a driver is loaded, else this binding's.</summary>
    public static string Describe(CUResult result) =>
        Native.DriverApi.TryErrorString(result) ?? (Known.TryGetValue(result, out var known) ? known.Meaning : "an error this binding does not know");
}
