using System.Diagnostics;
using Dgm.Agent.Runtime;

namespace Dgm.Agent.Repair;

/// <summary>Budgets of the offline repair: how far localization reaches and how much is tried.</summary>
public sealed record RepairBudget(int Suspects = 6, int MaxCandidates = 250, double WallSeconds = 600, double CandidateTestSeconds = 10);

/// <summary>
/// The agent without a model: classical automated program repair. Run the visible tests; localize the
/// fault from the failures; try Roslyn repair operators on the suspects, validating each candidate in
/// memory and in a child process; keep the first that makes every visible test pass.
/// </summary>
public sealed class RepairMode(RepairBudget budget, Trajectory trajectory)
{
    public async Task<string> RunAsync(string repo, string problem, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("dgm-repair-").FullName;
        var written = new List<string>();
        using var workers = new TestWorkers();
        try
        {
            var visible = await VisibleTests.RunAsync(repo, scratch, TimeSpan.FromSeconds(budget.WallSeconds), cancellationToken, trajectory.Note, workers);
            var failing = visible.Where(t => !t.Passed).ToList();
            trajectory.Note($"visible tests: {visible.Count}, failing: {string.Join(", ", failing.Select(f => f.Name))}");
            NoteFailures(failing);
            foreach (var (name, write) in failing.Count == 0 ? Reproducers.All : [])
            {
                var files = write(repo, problem);
                if (files.Count == 0)
                {
                    trajectory.Note($"reproducer [{name}]: nothing in the problem statement it can turn into a test");
                    continue;
                }

                written.AddRange(files);
                try
                {
                    visible = await VisibleTests.RunAsync(repo, scratch, TimeSpan.FromSeconds(budget.WallSeconds), cancellationToken, trajectory.Note, workers);
                }
                catch (InvalidOperationException e)
                {
                    trajectory.Note($"reproducer [{name}]: its test does not build, removed: {e.Message[..Math.Min(e.Message.Length, 300)]}");
                    Remove(written);
                    continue;
                }

                failing = [.. visible.Where(t => !t.Passed)];
                trajectory.Note($"reproducer [{name}] wrote {string.Join(", ", files.Select(f => Path.GetRelativePath(repo, f)))}: failing now: {string.Join(", ", failing.Select(f => f.Name))}");
                NoteFailures(failing);
                if (failing.Count > 0)
                {
                    break;
                }
            }

            if (failing.Count == 0)
            {
                return trajectory.Stop("no_failing_test", "no visible test fails, so nothing guides the repair");
            }

            var testsDll = failing[0].TestsDll;
            var all = visible.Select(t => t.Name).ToList();
            var tried = 0;
            foreach (var library in LibraryProject.Find(repo))
            {
                var suspects = Localizer.Rank(library, failing, repo, problem).Take(budget.Suspects).ToList();
                trajectory.Note($"suspects in {library.AssemblyName}: {string.Join(", ", suspects.Select(s => $"{s.Name} ({s.Score:0.#})"))}");
                var validator = new Validator(library, workers.For(testsDll), TimeSpan.FromSeconds(budget.CandidateTestSeconds), scratch);
                var originals = new Dictionary<string, string>(StringComparer.Ordinal); // each file's text, read once for the candidates' log
                foreach (var candidate in suspects.SelectMany(Operators.Candidates))
                {
                    if (++tried > budget.MaxCandidates || clock.Elapsed.TotalSeconds > budget.WallSeconds)
                    {
                        return trajectory.Stop("budget", $"{tried - 1} candidates tried in {clock.Elapsed.TotalSeconds:0} s, none passed");
                    }

                    var quick = await validator.CheckAsync(candidate, [.. failing.Select(f => f.Name)], cancellationToken);
                    var before = originals.TryGetValue(candidate.FilePath, out var text) ? text
                        : originals[candidate.FilePath] = library.Trees.First(t => t.FilePath == candidate.FilePath).GetText(cancellationToken).ToString();
                    var after = candidate.NewTree.GetText(cancellationToken).ToString();
                    if (!quick.Passed)
                    {
                        trajectory.Candidate(candidate.Operator, Path.GetRelativePath(repo, candidate.FilePath), before, after, quick.Compiled ? "fails" : "does_not_compile");
                        trajectory.Note($"candidate {tried} [{candidate.Operator}] {candidate.Description}: {Describe(quick)}");
                        continue;
                    }

                    var full = await validator.CheckAsync(candidate, all, cancellationToken);
                    trajectory.Candidate(candidate.Operator, Path.GetRelativePath(repo, candidate.FilePath), before, after, full.Passed ? "passes_visible" : "passes_failing_only");
                    trajectory.Note($"candidate {tried} [{candidate.Operator}] {candidate.Description}: {Describe(quick)}");
                    trajectory.Note($"  all visible tests: {Describe(full)}");
                    if (full.Passed)
                    {
                        await File.WriteAllTextAsync(candidate.FilePath, candidate.NewTree.ToString(), cancellationToken);
                        return trajectory.Stop("plausible_patch", $"[{candidate.Operator}] {candidate.Description} passes all {all.Count} visible tests");
                    }
                }
            }

            return trajectory.Stop("no_candidate_passed", $"{tried} candidates tried, none made the failing tests pass");
        }
        finally
        {
            // The tests it wrote guided the repair; the patch is the fix alone.
            Remove(written);
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The failing tests' messages, for the diagnosis of self-improvement (what the failure looks like, not only where).</summary>
    private void NoteFailures(IEnumerable<TestOutcome> failing)
    {
        foreach (var test in failing.Where(t => t.Message.Length > 0).Take(6))
        {
            var message = test.Message.ReplaceLineEndings(" ");
            trajectory.Note($"failure {test.Name}: {(message.Length > 400 ? message[..400] + "…" : message)}");
        }
    }

    private static void Remove(List<string> files)
    {
        files.ForEach(File.Delete);
        files.Clear();
    }

    private static string Describe(Verdict verdict) =>
        !verdict.Compiled ? "does not compile"
        : verdict.TimedOut ? "timed out"
        : verdict.Crashed ? "crashed the test process"
        : verdict.Passed ? $"pass ({verdict.Duration.TotalMilliseconds:0} ms)"
        : $"{verdict.Failures.Count} failing ({verdict.Duration.TotalMilliseconds:0} ms)";
}
