using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Benchmarks.Validation;
using Dgm.Evolution.Runs;
using Dgm.Sandbox;
using Dgm.Tests.Support;

namespace Dgm.Tests.Cuda;

/// <summary>How the harness treats tasks that require CUDA: loading, sandboxes, skipping, the static kernel check.</summary>
[TestClass]
public sealed class CudaHarnessTests
{
    private const string Kernel = """
        extern "C" __global__ void scale(float* x, float a, int n)
        {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < n) x[i] *= a;
        }
        """;

    private static readonly CudaSupport NoDevice = new(false, "no CUDA device: the driver reports none", "/host/cuda-binding", []);

    private static readonly CudaSupport WithDevice = new(true, "1 CUDA device(s)", "/host/cuda-binding", ["/usr/lib/libnvrtc.so.11.2", "/usr/lib/libnvrtc-builtins.so.11.8"]);

    private string _dir = "";

    [TestInitialize]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("dgm-cudatask-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "repo", "src", "Kernels"));
        Directory.CreateDirectory(Path.Combine(_dir, "hidden"));
        File.WriteAllText(Path.Combine(_dir, "repo", "src", "Kernels", "scale.cu"), Kernel);
        File.WriteAllText(Path.Combine(_dir, "gold.patch"), "diff");
        File.WriteAllText(Path.Combine(_dir, "problem.md"), "training diverges");
        WriteSpec("""[{ "path": "src/Kernels/scale.cu", "entries": ["scale"] }]""");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void A_cuda_task_loads_with_its_kernels()
    {
        var task = TaskLoader.Load(_dir);

        Assert.IsTrue(task.Spec.RequiresCuda);
        Assert.AreEqual("src/Kernels/scale.cu", task.Spec.Kernels.Single().Path);
        CollectionAssert.AreEqual(new[] { "scale" }, task.Spec.Kernels.Single().Entries.ToArray());
    }

    [TestMethod]
    [DataRow("[]", "declares no kernels")]
    [DataRow("""[{ "path": "src/Kernels/missing.cu", "entries": ["scale"] }]""", "kernel source repo/src/Kernels/missing.cu is missing")]
    [DataRow("""[{ "path": "../gold.patch", "entries": ["scale"] }]""", "leaves repo/")]
    [DataRow("""[{ "path": "src/Kernels/scale.cu", "entries": [] }]""", "at least one entry point")]
    public void A_malformed_kernel_declaration_is_refused_with_the_reason(string kernels, string reason)
    {
        WriteSpec(kernels);

        StringAssert.Contains(Assert.ThrowsExactly<TaskFormatException>(() => TaskLoader.Load(_dir)).Message, reason);
    }

    [TestMethod]
    public async Task Without_a_device_a_cuda_task_is_skipped_with_the_reason_and_no_sandbox_starts()
    {
        var task = TaskLoader.Load(_dir);
        var environment = new GradingEnvironment("/sdk", "/packages") { Cuda = NoDevice };
        var grader = new Grader(new NoSandboxes(), environment, "tests");

        var report = await grader.GradeAsync(task, "diff --git a/x b/x", CancellationToken.None);

        Assert.AreEqual(GradeStatus.Skipped, report.Status);
        Assert.AreEqual("skipped: no CUDA device: the driver reports none", report.Error);
        var run = new RunReport([report, new TaskReport { InstanceId = "other", Status = GradeStatus.Resolved }]);
        Assert.AreEqual(1, run.Attempted, "skipped tasks are left out of the denominator");
        Assert.AreEqual(1.0, run.Score);
        CollectionAssert.AreEqual(new[] { task.Id }, run.SkippedIds.ToArray());
    }

    [TestMethod]
    public void Every_sandbox_gets_the_binding_and_only_cuda_tasks_on_a_gpu_machine_get_the_gpus()
    {
        var cudaTask = TaskLoader.Load(_dir);

        var plain = new GradingEnvironment("/sdk", "/packages") { Cuda = WithDevice }.SandboxSpec("r");
        var cpuOnly = new GradingEnvironment("/sdk", "/packages") { Cuda = NoDevice }.SandboxSpec("r", cudaTask);
        var gpu = new GradingEnvironment("/sdk", "/packages") { Cuda = WithDevice }.SandboxSpec("r", cudaTask);

        foreach (var spec in new[] { plain, cpuOnly, gpu })
        {
            Assert.IsTrue(spec.Mounts.Any(m => m is { HostPath: "/host/cuda-binding", SandboxPath: CudaSupport.SandboxDir, ReadOnly: true }));
            Assert.AreEqual("/opt/dgm/cuda/Dgm.Cuda.dll", spec.Environment[CudaSupport.AssemblyVariable]);
            Assert.AreEqual("/sdk", spec.Mounts[0].HostPath, "the SDK and packages stay mounted");
        }

        Assert.IsFalse(plain.Gpus);
        Assert.IsFalse(cpuOnly.Gpus);
        Assert.IsTrue(gpu.Gpus);
        Assert.AreEqual(CudaSupport.SandboxLibDir, gpu.Environment["LD_LIBRARY_PATH"]);
        Assert.IsTrue(gpu.Mounts.Any(m => m is { HostPath: "/usr/lib/libnvrtc.so.11.2", SandboxPath: "/opt/dgm/cuda/lib/libnvrtc.so.11.2" }));
        Assert.IsFalse(cpuOnly.Environment.ContainsKey("LD_LIBRARY_PATH"));
    }

    [TestMethod]
    public void The_host_binding_folder_holds_the_built_binding()
    {
        var host = CudaSupport.Host;

        Assert.IsNotNull(host.BindingDir);
        Assert.IsTrue(File.Exists(Path.Combine(host.BindingDir, "Dgm.Cuda.dll")));
        Assert.AreEqual(Dgm.Cuda.CudaAvailability.Probe().Available, host.DeviceAvailable);
    }

    [TestMethod]
    public void The_static_check_finds_entry_points_compile_errors_and_missing_entries()
    {
        Nvrtc.Require();
        var repo = Path.Combine(_dir, "repo");
        var declared = new[] { new KernelSource { Path = "src/Kernels/scale.cu", Entries = ["scale"] } };

        Assert.AreEqual(0, KernelChecker.Check(repo, declared, "buggy").Count);

        var missing = KernelChecker.Check(repo, [declared[0] with { Entries = ["scale", "shift"] }], "gold");
        StringAssert.Contains(missing.Single(), "gold: the PTX of src/Kernels/scale.cu lacks entry point(s) shift (it has: scale");

        File.WriteAllText(Path.Combine(repo, "src", "Kernels", "scale.cu"), Kernel.Replace("x[i] *= a;", "x[i] *= b;", StringComparison.Ordinal));
        var broken = KernelChecker.Check(repo, declared, "buggy").Single();
        StringAssert.StartsWith(broken, "buggy: src/Kernels/scale.cu does not compile: nvrtcCompileProgram failed for scale.cu");
        StringAssert.Contains(broken, "identifier \"b\" is undefined");
    }

    [TestMethod]
    public void A_mangled_kernel_is_not_an_entry_point_by_its_plain_name()
    {
        Nvrtc.Require();
        var ptx = KernelChecker.Compile(Kernel.Replace("extern \"C\" ", "", StringComparison.Ordinal), "mangled.cu");

        var entries = KernelChecker.Entries(ptx);

        Assert.IsFalse(entries.Contains("scale"));
        Assert.IsTrue(entries.Single().StartsWith("_Z", StringComparison.Ordinal), string.Join(", ", entries));
    }

    [TestMethod]
    public void The_build_check_builds_the_test_project_of_the_test_command()
    {
        CollectionAssert.AreEqual(
            new[] { "dotnet", "build", "tests/T.Tests/T.Tests.csproj" },
            Grader.BuildCommand(["dotnet", "test", "--project", "tests/T.Tests/T.Tests.csproj"]).ToArray());
        CollectionAssert.AreEqual(new[] { "dotnet", "build", "All.sln" }, Grader.BuildCommand(["dotnet", "test", "All.sln"]).ToArray());
        CollectionAssert.AreEqual(new[] { "dotnet", "build" }, Grader.BuildCommand(["dotnet", "test"]).ToArray());
    }

    [TestMethod]
    public void An_evolution_run_leaves_out_tasks_the_machine_cannot_run_and_says_so_when_none_remain()
    {
        var suite = Suite.Load(Path.Combine(Repo.Suites, "dgm-bugs"));
        var options = new EvolutionOptions { RunDir = _dir, Stage1Tasks = 3, Stage2Tasks = 3 };
        var firstTrain = suite.Split("train").First();

        var plan = StagePlan.Create(suite, options, t => t == firstTrain ? "no CUDA device: test" : null);
        Assert.IsFalse(plan.Stage1.Concat(plan.Stage2).Concat(plan.Rest).Contains(firstTrain));
        Assert.AreEqual(suite.Split("train").Count() - 1, plan.Stage1.Count + plan.Stage2.Count + plan.Rest.Count);

        var e = Assert.ThrowsExactly<ArgumentException>(() => StagePlan.Create(suite, options, _ => "no CUDA device: the driver reports none"));
        StringAssert.Contains(e.Message, "no train tasks this machine can run (81 skipped: no CUDA device: the driver reports none)");
    }

    private void WriteSpec(string kernels) => File.WriteAllText(Path.Combine(_dir, "task.json"), $$"""
        { "instance_id": "cuda__t", "test_command": ["dotnet", "test", "--project", "tests/T.Tests/T.Tests.csproj"],
          "FAIL_TO_PASS": ["T.Tests.TrainingTests.LossFalls"], "PASS_TO_PASS": [],
          "tags": { "split": "train", "requires": ["cuda"] }, "kernels": {{kernels}} }
        """);

    private sealed class NoSandboxes : ISandboxFactory
    {
        public string Kind => "none";

        public string IsolationNote => "";

        public Task<ISandbox> StartAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
            throw new AssertFailedException("a skipped task must not start a sandbox");
    }
}
