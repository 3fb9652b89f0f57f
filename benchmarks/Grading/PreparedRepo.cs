using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>A fresh copy of a task's repository with a patch applied, its protected edits undone, the policy's verdict, and the hidden tests in place.</summary>
/// <param name="Repo">The prepared folder.</param>
/// <param name="Outcome">How the patch applied.</param>
/// <param name="Discarded">Protected paths the patch touched, undone (relative, '/' separators).</param>
/// <param name="Violations">The patch rules it broke; the repository must not be built when there are any.</param>
/// <param name="Touched">Every file the patch added, changed or deleted, protected ones included (before they were undone).</param>
public sealed record PreparedRepo(string Repo, PatchOutcome Outcome, IReadOnlyList<string> Discarded, IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<TreeChange> Touched)
{
    /// <summary>
    /// Copies repo/ into <paramref name="scratch"/>, applies the patch, undoes every edit in a protected place
    /// (on the file tree: ignore files, attributes and links do not hide anything), checks what is left against
    /// the patch policy, then overlays hidden/.
    /// </summary>
    public static async Task<PreparedRepo> CreateAsync(BenchTask task, string patch, bool hasPatch, string scratch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var repo = Path.Combine(scratch, "repo");
        FileTree.Copy(task.RepoDir, repo, followLinks: false);
        await Git.InitAsync(repo, cancellationToken);

        PatchOutcome outcome = new(true, null, null);
        if (hasPatch)
        {
            outcome = await PatchApplier.ApplyAsync(repo, patch, cancellationToken);
            if (!outcome.Applied)
            {
                return new PreparedRepo(repo, outcome, [], [], []);
            }
        }

        Directory.Delete(Path.Combine(repo, ".git"), recursive: true);
        var touched = hasPatch ? TreeDiff.Compare(task.RepoDir, repo) : [];
        var protectedPaths = ProtectedPaths.For(task);
        var undone = TreeDiff.DiscardProtected(task.RepoDir, repo, protectedPaths);
        var violations = hasPatch ? PatchPolicy.Check(task, task.RepoDir, repo, TreeDiff.Compare(task.RepoDir, repo), protectedPaths) : [];
        FileTree.Copy(task.HiddenDir, repo, followLinks: false);
        return new PreparedRepo(repo, outcome, [.. undone.Select(c => c.Path)], violations, touched);
    }
}
