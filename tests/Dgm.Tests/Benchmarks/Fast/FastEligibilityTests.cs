using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks.Fast;

/// <summary>What sends a grading to the full path: each rule, with a patch or task that must not be graded fast.</summary>
[TestClass]
public sealed class FastEligibilityTests
{
    private static readonly BuildPlan Plan = new()
    {
        Task = "t",
        Key = "k",
        Projects =
        [
            new ProjectPlan("Lib", "src/Lib", "Lib", ["/nologo"], DefaultItems: true),
            new ProjectPlan("Listed", "src/Listed", "Listed", ["/nologo"], DefaultItems: false),
            new ProjectPlan("Lib.Tests", "tests/Lib.Tests", "Lib.Tests", ["/nologo"], DefaultItems: true),
        ],
        TestOutputDir = "tests/Lib.Tests/bin/Debug/net10.0",
    };

    [TestMethod]
    public void A_patch_that_changes_only_csharp_sources_may_be_graded_fast()
    {
        Assert.IsNull(FastEligibility.Check(Plan, [new TreeChange("src/Lib/A.cs", ChangeKind.Changed), new TreeChange("src/Lib/New.cs", ChangeKind.Added), new TreeChange("src/Listed/B.cs", ChangeKind.Changed)]));
    }

    [TestMethod]
    [DataRow("src/Lib/Lib.csproj", ChangeKind.Changed, "not a C# source")]
    [DataRow("Directory.Build.props", ChangeKind.Added, "not a C# source")]
    [DataRow("src/Lib/data.json", ChangeKind.Added, "not a C# source")]
    [DataRow("src/Lib/Strings.resx", ChangeKind.Changed, "not a C# source")]
    [DataRow("src/Lib/A.cs", ChangeKind.Link, "link")]
    [DataRow("src/Listed/New.cs", ChangeKind.Added, "lists its sources explicitly")]
    [DataRow("src/Listed/B.cs", ChangeKind.Deleted, "lists its sources explicitly")]
    public void A_patch_the_fast_path_cannot_express_falls_back_with_the_reason(string path, ChangeKind kind, string reason)
    {
        var fallback = FastEligibility.Check(Plan, [new TreeChange("src/Lib/A.cs", ChangeKind.Changed), new TreeChange(path, kind)]);

        Assert.IsNotNull(fallback);
        StringAssert.Contains(fallback, reason);
    }

    [TestMethod]
    public void A_full_only_plan_sends_every_patch_to_the_full_path()
    {
        var fallback = FastEligibility.Check(Plan with { FullOnly = "the task declares itself full-only (control.full_only)" }, [new TreeChange("src/Lib/A.cs", ChangeKind.Changed)]);

        Assert.AreEqual("the task declares itself full-only (control.full_only)", fallback);
    }

    [TestMethod]
    public void A_task_that_declares_itself_full_only_or_needs_cuda_or_holds_other_files_is_full_only()
    {
        var task = GradingFixture.DateRange;
        Assert.IsNull(FastEligibility.ForTask(task, task.RepoDir));

        StringAssert.Contains(FastEligibility.ForTask(task with { Spec = task.Spec with { Control = new TaskControl { FullOnly = true } } }, task.RepoDir), "control.full_only");
        StringAssert.Contains(FastEligibility.ForTask(task with { Spec = task.Spec with { Tags = task.Spec.Tags with { Requires = ["cuda"] } } }, task.RepoDir), "CUDA");

        using var copy = new TempFolder();
        Dgm.Sandbox.FileTree.Copy(task.RepoDir, copy.Path, followLinks: false);
        File.WriteAllText(Path.Combine(copy.Path, "src", "Ranges", "holidays.csv"), "2024-01-01\n");
        StringAssert.Contains(FastEligibility.ForTask(task, copy.Path), "src/Ranges/holidays.csv");
    }

    [TestMethod]
    public void Warnings_as_errors_embedded_resources_and_a_test_project_that_is_no_test_application_are_full_only()
    {
        using var output = new TempFolder();
        File.WriteAllText(Path.Combine(output.Path, "Lib.Tests.runtimeconfig.json"), "{}");
        File.WriteAllText(Path.Combine(output.Path, "Lib.Tests.deps.json"), "{}");
        Assert.IsNull(FastEligibility.ForArguments(Plan.Projects, output.Path, "Lib.Tests"));

        IReadOnlyList<ProjectPlan> With(string argument) => [Plan.Projects[0] with { Arguments = ["/nologo", argument] }, .. Plan.Projects.Skip(1)];
        StringAssert.Contains(FastEligibility.ForArguments(With("/warnaserror+"), output.Path, "Lib.Tests"), "every warning as an error");
        StringAssert.Contains(FastEligibility.ForArguments(With("/resource:obj/Lib.Strings.resources"), output.Path, "Lib.Tests"), "embeds resources");
        Assert.IsNull(FastEligibility.ForArguments(With("/warnaserror+:NU1605,SYSLIB0011"), output.Path, "Lib.Tests"), "a list of warnings as errors is applied by the compiler itself");

        File.Delete(Path.Combine(output.Path, "Lib.Tests.runtimeconfig.json"));
        StringAssert.Contains(FastEligibility.ForArguments(Plan.Projects, output.Path, "Lib.Tests"), "not a test application");
    }
}
