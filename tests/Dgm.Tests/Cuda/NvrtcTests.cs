using Dgm.Cuda;
using Dgm.Cuda.NVRTC;
using Dgm.Tests.Support;

namespace Dgm.Tests.Cuda;

[TestClass]
public sealed class NvrtcTests
{
    private const string Saxpy = """
        extern "C" __global__ void saxpy(float a, const float* x, float* y, int n)
        {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < n) y[i] = a * x[i] + y[i];
        }
        """;

    [TestMethod]
    public void A_valid_kernel_compiles_to_ptx_with_its_entry_point()
    {
        Nvrtc.Require();
        using var compiler = new CudaRuntimeCompiler(Saxpy, "saxpy.cu");

        compiler.Compile("--gpu-architecture=compute_70");

        var ptx = compiler.GetPTXAsString();
        StringAssert.Contains(ptx, ".entry saxpy(");
        StringAssert.Contains(ptx, ".target sm_70");
        Assert.AreEqual(0, compiler.GetPTX()[^1], "GetPTX keeps the terminating NUL that cuModuleLoadData reads");
        Assert.IsTrue(CudaRuntimeCompiler.Version.Major >= 11, CudaRuntimeCompiler.Version.ToString());
    }

    [TestMethod]
    public void An_invalid_kernel_fails_with_the_compilers_log()
    {
        Nvrtc.Require();
        using var compiler = new CudaRuntimeCompiler(Saxpy.Replace("a * x[i]", "a * xs[i]", StringComparison.Ordinal), "broken.cu");

        var e = Assert.ThrowsExactly<NVRTCException>(() => compiler.Compile("--gpu-architecture=compute_70"));

        Assert.AreEqual(nvrtcResult.ErrorCompilation, e.NVRTCError);
        StringAssert.StartsWith(e.Message, "nvrtcCompileProgram failed for broken.cu: NVRTC_ERROR_COMPILATION");
        StringAssert.Contains(e.Message, "broken.cu(4)");
        StringAssert.Contains(e.Message, "identifier \"xs\" is undefined");
        StringAssert.Contains(e.Log, "identifier \"xs\" is undefined");
    }

    [TestMethod]
    public void An_unknown_option_is_reported_as_such()
    {
        Nvrtc.Require();
        using var compiler = new CudaRuntimeCompiler(Saxpy, "saxpy.cu");

        var e = Assert.ThrowsExactly<NVRTCException>(() => compiler.Compile("--no-such-option"));

        Assert.AreEqual(nvrtcResult.ErrorInvalidOption, e.NVRTCError);
        StringAssert.Contains(e.Message, "NVRTC_ERROR_INVALID_OPTION");
    }

    [TestMethod]
    public void On_a_gpu_the_compiled_kernel_runs_and_agrees_with_the_cpu()
    {
        Nvrtc.Require();
        if (!CudaAvailability.Probe().Available)
        {
            Assert.Inconclusive($"GPU execution untested here: {CudaAvailability.Probe().Reason}");
        }

        using var compiler = new CudaRuntimeCompiler(Saxpy, "saxpy.cu");
        compiler.Compile("--gpu-architecture=compute_70");
        using var context = new CudaContext();
        var kernel = context.LoadKernelPTX(compiler.GetPTX(), "saxpy");
        const int n = 1000;
        var x = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        var y = Enumerable.Range(0, n).Select(i => 1f).ToArray();
        using var dx = new CudaDeviceVariable<float>(n);
        using var dy = new CudaDeviceVariable<float>(n);
        dx.CopyToDevice(x);
        dy.CopyToDevice(y);
        kernel.BlockDimensions = 128;
        kernel.GridDimensions = (n + 127) / 128;

        kernel.Run(2f, dx, dy, n);
        context.Synchronize();

        CollectionAssert.AreEqual(x.Select(v => (2 * v) + 1).ToArray(), dy.ToArray());
    }
}
