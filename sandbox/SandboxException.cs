namespace Dgm.Sandbox;

/// <summary>A sandbox could not be had or used; the message says what to do.</summary>
public sealed class SandboxException : Exception
{
    public SandboxException()
    {
    }

    public SandboxException(string message)
        : base(message)
    {
    }

    public SandboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static SandboxException DaemonUnreachable(Uri endpoint, Exception inner) =>
        new($"No Docker daemon answers at {endpoint}. Start one (as root: ./scripts/lib/ensure-docker.sh), set DOCKER_HOST, or use --sandbox local.", inner);

    internal static SandboxException ImageMissing(string image, Exception inner) =>
        new($"The sandbox image '{image}' is missing. Build it with ./scripts/build-sandbox-image.sh.", inner);

    internal static SandboxException CopyFailed(string what, string detail) =>
        new($"Copying {what} failed: {detail.Trim()}");

    internal static SandboxException NoSuchHostPath(string path) =>
        new($"Nothing to copy at '{path}'.");
}
