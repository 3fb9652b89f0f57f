using System.Text.RegularExpressions;
using Dgm.Archive.Internal;
using LibGit2Sharp;

namespace Dgm.Archive;

/// <summary>Every node's full source as a commit in the bare repository <c>runDir/lineage.git</c>, on branch <c>node/&lt;id&gt;</c>.</summary>
/// <remarks>
/// A child's commit has its parent node's commit as parent, so the repository's history is the tree of nodes;
/// HEAD follows the best node (<see cref="MarkBest"/>), so <c>git log</c> there reads the best lineage.
/// Thread-safe (one lock: a libgit2 repository handle is not). Owns its repository handle.
/// </remarks>
public sealed partial class Lineage : IDisposable
{
    public const string FolderName = "lineage.git";

    private const string NodeTrailer = "Dgm-Node: ";
    private static readonly Identity Dgm = new("dgm", "dgm@localhost");

    private readonly Lock _gate = new();
    private readonly Repository _repo;
    private readonly string _path;

    private Lineage(Repository repo, string path)
    {
        _repo = repo;
        _path = path;
    }

    /// <summary>Creates or opens the run folder's lineage repository.</summary>
    public static Lineage Open(string runDir)
    {
        var path = Path.Combine(runDir, FolderName);
        try
        {
            Directory.CreateDirectory(path);
            if (!Directory.EnumerateFileSystemEntries(path).Any())
            {
                Repository.Init(path, isBare: true);
            }

            return new Lineage(new Repository(path), path);
        }
        catch (LibGit2SharpException e)
        {
            throw ArchiveException.LineageUnreadable(path, e);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            throw ArchiveException.NativeGitMissing(e);
        }
    }

    /// <summary>Commits sourceDir as the node's source on branch node/&lt;id&gt; (created or moved); returns the commit's sha.</summary>
    /// <remarks>The node's id is appended to the message as a trailer (<c>Dgm-Node: id</c>) so that history maps back to nodes.</remarks>
    public string Commit(Node node, string sourceDir, string message)
    {
        if (!Directory.Exists(sourceDir))
        {
            throw ArchiveException.NoSource(sourceDir);
        }

        return Locked("commit", () =>
        {
            Commit[] parents = node.ParentId is { } parentId ? [NodeCommit(parentId)] : [];
            var tree = SourceTree.Build(_repo, sourceDir);
            var signature = new Signature(Dgm, node.Created);
            var text = $"{message.TrimEnd()}\n\n{NodeTrailer}{node.Id}\n";
            var commit = _repo.ObjectDatabase.CreateCommit(signature, signature, text, tree, parents, prettifyMessage: false);
            _repo.Refs.Add(BranchRef(node.Id), commit.Id, allowOverwrite: true);
            return commit.Sha;
        });
    }

    /// <summary>Writes the node's source into destDir (created if missing; meant to be new or empty).</summary>
    public void Export(string nodeId, string destDir) =>
        Locked("export", () =>
        {
            SourceTree.Write(NodeCommit(nodeId).Tree, destDir);
            return 0;
        });

    /// <summary>A unified diff in git's format (a/ and b/ prefixes, new and deleted files) from one node's source to another's; empty when identical.</summary>
    /// <remarks>Renames show as a deletion plus a new file, so that every patch tool applies it. Binary files show as "Binary files differ" only.</remarks>
    public string Diff(string fromId, string toId) =>
        Locked("diff", () =>
        {
            var from = NodeCommit(fromId).Tree;
            var to = NodeCommit(toId).Tree;
            using var patch = _repo.Diff.Compare<Patch>(from, to, new CompareOptions { Similarity = SimilarityOptions.None });
            return patch.Content;
        });

    /// <summary>The text of one file of a node's source (a path relative to its root, '/'-separated); null when the node has no such file.</summary>
    public string? ReadFile(string nodeId, string path) =>
        Locked("read", () => NodeCommit(nodeId)[path]?.Target is Blob blob && !blob.IsBinary && blob.Size <= 1024 * 1024 ? blob.GetContentText() : null);

    /// <summary>Lines added plus lines removed from one node's source to another's (0 when identical).</summary>
    public int DiffSize(string fromId, string toId) =>
        Locked("diff", () =>
        {
            using var patch = _repo.Diff.Compare<Patch>(NodeCommit(fromId).Tree, NodeCommit(toId).Tree, new CompareOptions { Similarity = SimilarityOptions.None });
            return patch.LinesAdded + patch.LinesDeleted;
        });

    /// <summary>The ids from the node up to the seed (the node first), read from the commits' history.</summary>
    public IReadOnlyList<string> Ancestry(string nodeId) =>
        Locked("ancestry", () =>
        {
            var ids = new List<string>();
            for (var commit = NodeCommit(nodeId); commit is not null; commit = commit.Parents.FirstOrDefault())
            {
                if (NodeIdOf(commit) is { } id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        });

    /// <summary>Points HEAD at branch node/&lt;id&gt;, so that plain <c>git log</c> in the repository shows the best lineage.</summary>
    public void MarkBest(string nodeId) =>
        Locked("marking the best node", () =>
        {
            NodeCommit(nodeId);
            return _repo.Refs.UpdateTarget(_repo.Refs.Head, _repo.Refs[BranchRef(nodeId)]);
        });

    public void Dispose()
    {
        lock (_gate)
        {
            _repo.Dispose();
        }
    }

    private static string BranchRef(string nodeId) => $"refs/heads/node/{nodeId}";

    private Commit NodeCommit(string nodeId) =>
        NodeIds.TryParse(nodeId, out _) && _repo.Refs[BranchRef(nodeId)]?.ResolveToDirectReference()?.Target is Commit commit
            ? commit
            : throw NodeNotFoundException.InLineage(nodeId, _path);

    private static string? NodeIdOf(Commit commit)
    {
        var match = TrailerPattern().Match(commit.Message);
        return match.Success ? match.Groups[1].Value : null;
    }

    private T Locked<T>(string what, Func<T> action)
    {
        lock (_gate)
        {
            try
            {
                return action();
            }
            catch (LibGit2SharpException e)
            {
                throw ArchiveException.LineageFailed(what, _path, e);
            }
            catch (IOException e)
            {
                throw ArchiveException.LineageFailed(what, _path, e);
            }
        }
    }

    [GeneratedRegex(@"^Dgm-Node: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex TrailerPattern();
}
