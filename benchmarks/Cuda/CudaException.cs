namespace Dgm.Cuda;

/// <summary>A CUDA driver call failed: says which call and why.</summary>
public class CudaException : Exception
{
    public CudaException()
    {
    }

    public CudaException(string message)
        : base(message)
    {
    }

    public CudaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CudaException(string call, CUResult error)
        : base($"{call} failed: {CudaErrors.Name(error)} ({CudaErrors.Describe(error)})")
    {
        Call = call;
        CudaError = error;
    }

    /// <summary>The driver function that failed, such as cuLaunchKernel.</summary>
    public string? Call { get; }

    public CUResult CudaError { get; }

    /// <summary>Throws a <see cref="CudaException"/> naming <paramref name="call"/> unless the result is success.</summary>
    public static void Check(CUResult result, string call)
    {
        if (result != CUResult.Success)
        {
            throw new CudaException(call, result);
        }
    }
}

/// <summary>No CUDA driver or no device: the one clear outcome a machine without a GPU gets.</summary>
public sealed class CudaUnavailableException : CudaException
{
    public CudaUnavailableException()
    {
    }

    public CudaUnavailableException(string message)
        : base(message)
    {
    }

    public CudaUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
