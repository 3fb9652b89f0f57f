using System.Runtime.InteropServices;
using Dgm.Cuda;

namespace Dgm.Tests.Cuda;

[TestClass]
public sealed class CudaBindingTests
{
    [TestMethod]
    public void A_failed_driver_call_names_the_call_the_error_and_why()
    {
        var e = Assert.ThrowsExactly<CudaException>(() => CudaException.Check(CUResult.ErrorInvalidValue, "cuMemAlloc"));

        Assert.AreEqual("cuMemAlloc", e.Call);
        Assert.AreEqual(CUResult.ErrorInvalidValue, e.CudaError);
        StringAssert.StartsWith(e.Message, "cuMemAlloc failed: CUDA_ERROR_INVALID_VALUE (");
        Assert.IsTrue(e.Message.Length > "cuMemAlloc failed: CUDA_ERROR_INVALID_VALUE ()".Length, e.Message);
    }

    [TestMethod]
    public void Error_codes_map_to_the_driver_names()
    {
        Assert.AreEqual("CUDA_ERROR_NO_DEVICE", CudaErrors.Name(CUResult.ErrorNoDevice));
        Assert.AreEqual("CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", CudaErrors.Name(CUResult.ErrorLaunchOutOfResources));
        Assert.AreEqual("CUDA_ERROR_ILLEGAL_ADDRESS", CudaErrors.Name((CUResult)700));
        Assert.AreEqual("CUDA_ERROR_12345", CudaErrors.Name((CUResult)12345), "an unknown code keeps its number");
        Assert.AreEqual(0, (int)CUResult.Success);
        Assert.AreEqual(100, (int)CUResult.ErrorNoDevice);
        Assert.AreEqual(719, (int)CUResult.ErrorLaunchFailed);
    }

    [TestMethod]
    public void Success_does_not_throw() => CudaException.Check(CUResult.Success, "cuInit");

    [TestMethod]
    public unsafe void Kernel_arguments_are_pointers_to_each_value_in_order()
    {
        object[] args = [new FakeDeviceVariable(0xDEAD_BEEF_0000UL), 7, 2.5f, -3.25, 1L << 40, 9u, new CUdeviceptr(0x1234), true, (byte)200];
        using var packed = KernelArguments.Pack(args);

        var p = packed.Pointers;
        Assert.AreEqual(9, packed.Count);
        Assert.AreEqual(0xDEAD_BEEF_0000UL, *(ulong*)p[0], "a device variable is passed as its device pointer");
        Assert.AreEqual(7, *(int*)p[1]);
        Assert.AreEqual(2.5f, *(float*)p[2]);
        Assert.AreEqual(-3.25, *(double*)p[3]);
        Assert.AreEqual(1L << 40, *(long*)p[4]);
        Assert.AreEqual(9u, *(uint*)p[5]);
        Assert.AreEqual(0x1234UL, *(ulong*)p[6]);
        Assert.AreEqual((byte)1, *(byte*)p[7]);
        Assert.AreEqual((byte)200, *(byte*)p[8]);
        for (var i = 0; i < packed.Count; i++)
        {
            Assert.AreEqual(0, (long)p[i] % 8, $"argument {i} is 8-byte aligned");
        }

        Assert.AreEqual(packed.Count, Enumerable.Range(0, packed.Count).Select(i => (long)p[i]).Distinct().Count(), "each argument has its own slot");
    }

    [TestMethod]
    public void An_unsupported_kernel_argument_says_which_and_what_to_pass()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => KernelArguments.Pack([1, "text"]));
        StringAssert.Contains(e.Message, "Kernel argument 1 is String");
        StringAssert.Contains(e.Message, "CudaDeviceVariable<T>");

        var nullArgument = Assert.ThrowsExactly<ArgumentException>(() => KernelArguments.Pack([null!]));
        StringAssert.Contains(nullArgument.Message, "Kernel argument 0 is null");
    }

    [TestMethod]
    public void Launch_shapes_are_checked_before_the_driver_sees_them()
    {
        CudaKernel.ValidateLaunch(new dim3(4, 2), new dim3(32, 32));
        CudaKernel.ValidateLaunch(1, 1024);

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => CudaKernel.ValidateLaunch(0, 32)).Message, "GridDimensions (0, 1, 1)");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => CudaKernel.ValidateLaunch(1, new dim3(8, 0))).Message, "at least one thread");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => CudaKernel.ValidateLaunch(1, new dim3(32, 32, 2))).Message, "2048 threads");
    }

    [TestMethod]
    public void Dim3_defaults_unset_components_to_one()
    {
        dim3 block = 256;
        Assert.AreEqual((256u, 1u, 1u), (block.x, block.y, block.z));
        Assert.AreEqual(6UL, new dim3(1, 2, 3).Count);
        Assert.AreEqual(12, Marshal.SizeOf<dim3>());
    }

    [TestMethod]
    public void Without_a_driver_or_device_every_entry_point_says_no_cuda_device()
    {
        var availability = CudaAvailability.Probe();
        if (availability.Available)
        {
            Assert.Inconclusive($"this machine has {availability.Reason}; the no-device path cannot be observed here");
        }

        StringAssert.StartsWith(availability.Reason, "no CUDA device");
        Assert.AreEqual(0, CudaContext.GetDeviceCount());
        var e = Assert.ThrowsExactly<CudaUnavailableException>(() => new CudaContext());
        Assert.AreEqual(availability.Reason, e.Message);
        Assert.ThrowsExactly<CudaUnavailableException>(() => CudaContext.GetDeviceInfo(0));
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => new CudaDeviceVariable<float>(4)).Message, "create one");
        Assert.AreSame(availability, CudaAvailability.Probe(), "probed once per process");
    }

    private sealed class FakeDeviceVariable(ulong address) : ICudaDevicePointer
    {
        public CUdeviceptr DevicePointer => new(address);
    }
}
