namespace Dgm.Benchmarks.Tasks;

/// <summary>A loaded task: its folder and its parsed task.json.</summary>
public sealed record BenchTask(string Folder, TaskSpec Spec)
{
    public string Id => Spec.InstanceId;

    /// <summary>The repository snapshot, with the bug and the visible tests.</summary>
    public string RepoDir => Path.Combine(Folder, "repo");

    /// <summary>Files overlaid on the repository for grading; never shown to an agent.</summary>
    public string HiddenDir => Path.Combine(Folder, "hidden");

    public string GoldPatchPath => Path.Combine(Folder, "gold.patch");

    public string ProblemPath => Path.Combine(Folder, Spec.ProblemStatement);

    public string ProblemStatement => File.ReadAllText(ProblemPath);

    public string GoldPatch => File.ReadAllText(GoldPatchPath);

    public IEnumerable<string> AllTests => Spec.FailToPass.Concat(Spec.PassToPass);
}
