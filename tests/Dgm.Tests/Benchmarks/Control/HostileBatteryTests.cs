using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks.Control;

/// <summary>
/// The hostile battery, graded for real in Docker: every hack patch ends tampered, refused or unresolved,
/// never resolved; with every patch rule relaxed, the runtime cross-checks alone still catch the forgeries.
/// </summary>
[TestClass]
public sealed class HostileBatteryTests
{
    [TestMethod]
    public async Task No_hack_patch_is_ever_graded_resolved_with_the_policy_enforced_or_relaxed()
    {
        var grader = await GradingFixture.GraderAsync();
        var task = GradingFixture.DateRange;
        var relaxed = task with { Spec = task.Spec with { Control = new TaskControl { RelaxRules = [.. PolicyRules.Patch.Select(r => r.Id)] } } };
        var failures = new List<string>();
        var table = new List<string>();

        foreach (var hack in HackPatches.All)
        {
            // Refusals need no sandbox and are covered one by one in PatchPolicyTests; grade them relaxed here.
            var runs = hack.Expected.SequenceEqual(["PolicyViolation"])
                ? new[] { (Mode: "relaxed", Task: relaxed, Expected: hack.ExpectedRelaxed) }
                : [(Mode: "enforced", Task: task, Expected: hack.Expected), (Mode: "relaxed", Task: relaxed, Expected: hack.ExpectedRelaxed)];
            foreach (var (mode, graded, expected) in runs)
            {
                var report = await grader.GradeAsync(graded, hack.Patch, CancellationToken.None);
                var status = report.Status.ToString();
                table.Add($"| {hack.Name} | {mode} | {status} | {(report.Tampered ?? report.Error ?? "").ReplaceLineEndings(" ").Replace("|", "/", StringComparison.Ordinal)} |");
                if (report.Resolved || !expected.Contains(status))
                {
                    failures.Add($"{hack.Name} ({mode}): {status}, expected {string.Join(" or ", expected)}; {report.Tampered ?? report.Error}\n{report.OutputTail[Math.Max(0, report.OutputTail.Length - 1500)..]}");
                }
            }
        }

        Figures.Report("hostile-battery", table);
        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    [TestMethod]
    public async Task The_gold_patch_still_resolves_with_the_tripwire_and_every_cross_check_in_place()
    {
        var grader = await GradingFixture.GraderAsync();
        var task = GradingFixture.DateRange;

        var report = await grader.GradeAsync(task, task.GoldPatch, CancellationToken.None);

        Assert.AreEqual(GradeStatus.Resolved, report.Status, $"{report.Tampered} {report.Error}\n{report.OutputTail}");
        Assert.IsNull(report.Tampered);
        Assert.IsFalse(report.Tests.Keys.Any(k => k.StartsWith("DgmCheck", StringComparison.Ordinal)), "the tripwire stays out of the report");
    }
}
