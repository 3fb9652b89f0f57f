namespace Dgm.Evolution.Runs;

/// <summary>The files of one run: the archive and lineage (Dgm.Archive), node logs, node builds, the summary.</summary>
public sealed record RunFolder(string Root)
{
    public string NodeDir(string id) => Path.Combine(Root, "nodes", id);

    /// <summary>The parent's evaluation logs a child's self-improvement reads (the `improve --evals` contract).</summary>
    public string EvalsDir(string id) => Path.Combine(NodeDir(id), "evals");

    /// <summary>The node's holdout logs: kept for people, never shown to self-improvement (holdout must not steer evolution).</summary>
    public string HoldoutDir(string id) => Path.Combine(NodeDir(id), "holdout");

    /// <summary>The node's built agent (Dgm.Agent.dll and its dependencies), made in a sandbox.</summary>
    public string BuildDir(string id) => Path.Combine(Root, "builds", id);

    public string SummaryPath => Path.Combine(Root, "summary.json");

    /// <summary>Approval requests written by `dgm approve|reject` while the run holds the archive.</summary>
    public string ApprovalsDir => Path.Combine(Root, "approvals");

    public string Relative(string path) => Path.GetRelativePath(Root, path);
}
