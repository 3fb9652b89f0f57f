namespace Dgm.Cuda.NVRTC;

/// <summary>An NVRTC call failed; for a failed compilation the message carries the compiler's log.</summary>
#pragma warning disable CA1707, IDE1006 // ManagedCuda's name
public class NVRTCException : Exception
#pragma warning restore CA1707, IDE1006
{
    public NVRTCException()
    {
    }

    public NVRTCException(string message)
        : base(message)
    {
    }

    public NVRTCException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NVRTCException(string message, nvrtcResult error, string log = "")
        : base(message)
    {
        NVRTCError = error;
        Log = log;
    }

    public nvrtcResult NVRTCError { get; }

    /// <summary>The compiler's messages (empty unless compilation failed).</summary>
    public string Log { get; } = "";
}

/// <summary>NVRTC is not installed: says how to install it.</summary>
public sealed class NvrtcUnavailableException : NVRTCException
{
    public NvrtcUnavailableException()
    {
    }

    public NvrtcUnavailableException(string message)
        : base(message)
    {
    }

    public NvrtcUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
