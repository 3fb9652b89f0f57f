using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks.Fast;

/// <summary>
/// The fast grading path against the real daemon: it agrees with the full path, it keeps every check of the
/// control layer, and each fallback sends the grading to the full path (a test fails if it graded fast).
/// </summary>
[TestClass]
public sealed class FastGradingTests
{
    private const string DaysLine = "    public int Days => End.DayNumber - Start.DayNumber;";
    private const string Source = "src/Ranges/DateRange.cs";

    [TestMethod]
    public async Task The_fast_path_grades_gold_and_empty_patches_as_the_full_path_does_and_says_it_graded_them()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;

        foreach (var patch in new[] { task.GoldPatch, "" })
        {
            var fast = await BothAgreeAsync(grader, task, patch);
            Assert.IsNull(fast.Fallback);
        }
    }

    [TestMethod]
    public async Task A_wrong_patch_is_unresolved_by_the_fast_path_with_the_same_failing_tests_as_the_full_path()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;
        var wrong = GradingFixture.Patch(Source, DaysLine, "    public int Days => End.DayNumber - Start.DayNumber + 2;");

        var fast = await BothAgreeAsync(grader, task, wrong);

        Assert.AreEqual(GradeStatus.Unresolved, fast.Status, fast.OutputTail);
    }

    [TestMethod]
    public async Task No_hack_patch_is_graded_resolved_by_the_fast_path_even_with_every_rule_relaxed()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;
        var relaxed = task with { Spec = task.Spec with { Control = new TaskControl { RelaxRules = [.. PolicyRules.Patch.Select(r => r.Id)] } } };
        var failures = new List<string>();
        var table = new List<string>();
        foreach (var hack in HackPatches.All)
        {
            var report = await grader.GradeAsync(relaxed, hack.Patch, CancellationToken.None, path: GradingPath.Fast);
            var status = report.Status.ToString();
            table.Add($"| {hack.Name} | {report.GradedBy} | {status} | {(report.Fallback ?? report.Tampered ?? report.Error ?? "").ReplaceLineEndings(" ").Replace("|", "/", StringComparison.Ordinal)} |");
            if (report.Resolved || !hack.ExpectedRelaxed.Contains(status))
            {
                failures.Add($"{hack.Name}: {status} by {report.GradedBy}, expected {string.Join(" or ", hack.ExpectedRelaxed)}; {report.Fallback} {report.Tampered ?? report.Error}\n{report.OutputTail[Math.Max(0, report.OutputTail.Length - 1200)..]}");
            }
        }

        Figures.Report("hostile-battery-fast", table);
        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    [TestMethod]
    public async Task A_patch_to_a_project_file_is_graded_by_the_full_path()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;
        var patch = task.GoldPatch + GradingFixture.Patch("src/Ranges/Ranges.csproj", "    <Nullable>enable</Nullable>", "    <Nullable>disable</Nullable>");

        var report = await grader.GradeAsync(task, patch, CancellationToken.None, path: GradingPath.Fast);

        Assert.AreEqual("full", report.GradedBy);
        StringAssert.Contains(report.Fallback, "src/Ranges/Ranges.csproj");
        Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
    }

    [TestMethod]
    public async Task A_patch_that_adds_a_data_file_is_graded_by_the_full_path()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;

        var report = await grader.GradeAsync(task, task.GoldPatch + HackPatches.NewFile("src/Ranges/notes.txt", "why the fix works"), CancellationToken.None, path: GradingPath.Fast);

        Assert.AreEqual("full", report.GradedBy);
        StringAssert.Contains(report.Fallback, "src/Ranges/notes.txt");
    }

    [TestMethod]
    public async Task A_patch_that_does_not_compile_is_decided_by_the_full_build()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;

        var report = await grader.GradeAsync(task, GradingFixture.Patch(Source, DaysLine, "    public int Days => End.DayNumber - ;"), CancellationToken.None, path: GradingPath.Fast);

        Assert.AreEqual("full", report.GradedBy);
        StringAssert.Contains(report.Fallback, "in-memory compile failed");
        Assert.AreEqual(GradeStatus.Error, report.Status);
    }

    [TestMethod]
    public async Task A_task_that_declares_itself_full_only_is_graded_by_the_full_path_and_its_plan_says_why()
    {
        var grader = await FastGraderAsync();
        var task = GradingFixture.DateRange;
        using var folder = new TempFolder();
        var suite = Files.SuiteOf(folder.Path, "date-range-inclusive-days");
        var json = Path.Combine(suite, "date-range-inclusive-days", "task.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"tags\"", "\"control\": { \"full_only\": true },\n  \"tags\"", StringComparison.Ordinal));
        var fullOnly = TaskLoader.Load(Path.GetDirectoryName(json)!);
        Assert.IsTrue(fullOnly.Spec.Control.FullOnly);

        var report = await grader.GradeAsync(fullOnly, task.GoldPatch, CancellationToken.None, path: GradingPath.Fast);

        Assert.AreEqual("full", report.GradedBy);
        StringAssert.Contains(report.Fallback, "full-only");
        Assert.AreEqual(GradeStatus.Resolved, report.Status, report.OutputTail);
    }

    [TestMethod]
    public async Task A_plan_is_captured_once_and_read_back_from_disk_and_a_garbled_one_is_captured_again()
    {
        var factory = await DockerFixture.FactoryAsync();
        var environment = new GradingEnvironment(GradingEnvironment.HostSdkDir(), PackageCache.DefaultFolder);
        using var folder = new TempFolder();
        var task = GradingFixture.DateRange;
        await PackageCache.EnsureAsync([task], PackageCache.DefaultFolder, CancellationToken.None);

        var first = await new BuildPlans(factory, environment, "tests", folder.Path).GetAsync(task, CancellationToken.None);
        Assert.IsNull(first.Plan.FullOnly, first.Plan.FullOnly);
        Assert.AreSequenceEqual(["Ranges", "Ranges.Tests"], first.Plan.Projects.Select(p => p.Name).ToArray());
        Assert.IsTrue(first.Plan.Projects.All(p => p.DefaultItems));
        Assert.IsTrue(File.Exists(Path.Combine(first.OutputFolder, "Ranges.Tests.runtimeconfig.json")));

        var again = await new BuildPlans(factory, environment, "tests", folder.Path).GetAsync(task, CancellationToken.None);
        Assert.AreEqual(first.Folder, again.Folder);
        Assert.AreEqual(first.Plan.CapturedSeconds, again.Plan.CapturedSeconds, "read from disk, not captured again");

        File.WriteAllText(Path.Combine(first.Folder, "plan.json"), "{ not json");
        var recaptured = await new BuildPlans(factory, environment, "tests", folder.Path).GetAsync(task, CancellationToken.None);
        Assert.IsNull(recaptured.Plan.FullOnly);
        Assert.IsNotNull(BuildPlan.TryRead(Path.Combine(recaptured.Folder, "plan.json")));
        Assert.IsNull(BuildPlan.TryRead(Path.Combine(folder.Path, "missing.json")));
    }

    /// <summary>Grades by both paths; the fast one graded it, and the verdict and every test's status are the full one's.</summary>
    private static async Task<TaskReport> BothAgreeAsync(Grader grader, BenchTask task, string patch)
    {
        var fast = await grader.GradeAsync(task, patch, CancellationToken.None, runEmpty: true, path: GradingPath.Fast);
        var full = await grader.GradeAsync(task, patch, CancellationToken.None, runEmpty: true, path: GradingPath.Full);
        Assert.AreEqual("fast", fast.GradedBy, fast.Fallback);
        Assert.AreEqual("full", full.GradedBy);
        Assert.AreEqual(full.Status, fast.Status, fast.OutputTail);
        CollectionAssert.AreEquivalent(full.Tests.ToList(), fast.Tests.ToList());
        return fast;
    }

    private static async Task<Grader> FastGraderAsync()
    {
        var grader = await GradingFixture.GraderAsync();
        return new Grader(await DockerFixture.FactoryAsync(), grader.Environment, "tests") { Plans = SharedPlans ??= new BuildPlans(await DockerFixture.FactoryAsync(), grader.Environment, "tests") };
    }

    private static BuildPlans? SharedPlans { get; set; }
}
