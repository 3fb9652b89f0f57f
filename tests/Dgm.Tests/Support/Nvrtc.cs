using Dgm.Cuda.NVRTC;

namespace Dgm.Tests.Support;

/// <summary>NVRTC for the compiler tests, or a skip that says why (a failure under CI, which installs it).</summary>
internal static class Nvrtc
{
    public static void Require()
    {
        if (CudaRuntimeCompiler.IsAvailable)
        {
            return;
        }

        const string reason = "NVRTC (libnvrtc) is not installed: scripts/lib/ensure-nvrtc.sh installs it as root; ./scripts/test.sh runs it";
        Requirement.Missing("NVRTC", reason);
    }
}
