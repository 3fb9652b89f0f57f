using System.Text.Json;
using Dgm.Tests.Support;

namespace Dgm.Tests.Cuda;

/// <summary>`dgm bench validate --suite cuda` end to end: real NVRTC, real builds in Docker sandboxes.</summary>
[TestClass]
public sealed class CudaSuiteTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task The_cuda_suite_passes_its_static_check_and_its_gpu_runs_are_skipped_with_the_reason()
    {
        Nvrtc.Require();
        await DockerFixture.FactoryAsync();
        if (Dgm.Cuda.CudaAvailability.Probe().Available)
        {
            Assert.Inconclusive("this machine has a CUDA device: the suite is graded for real (gold twice, empty once), not skipped");
        }

        var (exit, output, error) = await DgmCli.RunAsync("bench", "validate", "--suite", "cuda", "--json");

        Assert.AreEqual(0, exit, error + output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.IsTrue(root.GetProperty("tasks").GetInt32() >= 6, output);
        Assert.AreEqual(root.GetProperty("tasks").GetInt32(), root.GetProperty("valid").GetInt32(), output);
        var skipped = root.GetProperty("skipped").EnumerateObject().ToList();
        Assert.AreEqual(root.GetProperty("tasks").GetInt32(), skipped.Count, "every GPU run is skipped here");
        foreach (var task in skipped)
        {
            StringAssert.StartsWith(task.Value.GetString(), "skipped: no CUDA device", task.Name);
            var covered = root.GetProperty("static_check").GetProperty(task.Name).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.IsTrue(covered.Any(c => c.StartsWith("NVRTC compiles", StringComparison.Ordinal)), task.Name);
            CollectionAssert.IsSubsetOf(
                new[] { "the gold repository builds with the hidden tests", "the buggy repository builds with the hidden tests" },
                covered,
                task.Name);
        }
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task A_task_whose_gold_kernel_does_not_compile_is_invalid_with_the_compilers_message()
    {
        Nvrtc.Require();
        await DockerFixture.FactoryAsync();
        var suite = Directory.CreateTempSubdirectory("dgm-cudasuite-").FullName;
        try
        {
            var task = Path.Combine(suite, "linear-regression-gradient-sign");
            Dgm.Sandbox.FileTree.Copy(Path.Combine(Repo.Suites, "cuda", "linear-regression-gradient-sign"), task, followLinks: false);
            var gold = Path.Combine(task, "gold.patch");
            var patch = File.ReadAllText(gold);
            var added = patch.Split('\n').First(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal));
            File.WriteAllText(gold, patch.Replace(added, added.TrimEnd(';', ' ') + " +;", StringComparison.Ordinal));

            var (exit, output, _) = await DgmCli.RunAsync("bench", "validate", "--suite", suite, "--json");

            Assert.AreEqual(1, exit, output);
            using var json = JsonDocument.Parse(output);
            var problems = json.RootElement.GetProperty("problems").GetProperty("cuda__linear-regression-gradient-sign").EnumerateArray().Select(p => p.GetString()!).ToList();
            var compile = problems.Single(p => p.StartsWith("gold: ", StringComparison.Ordinal));
            StringAssert.Contains(compile, "does not compile: nvrtcCompileProgram failed");
            StringAssert.Contains(compile, "error");
            Assert.IsFalse(problems.Any(p => p.StartsWith("buggy: ", StringComparison.Ordinal)), "the buggy kernels still compile");
        }
        finally
        {
            Directory.Delete(suite, recursive: true);
        }
    }
}
