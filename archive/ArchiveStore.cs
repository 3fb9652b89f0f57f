using Dgm.Archive.Internal;
using LiteDB;

namespace Dgm.Archive;

/// <summary>The nodes and metadata of one run, in <c>runDir/archive.db</c> (LiteDB).</summary>
/// <remarks>
/// Thread-safe: one LiteDatabase, every operation under one lock and on the calling thread from start to end
/// (LiteDB transactions are bound to their thread, so nothing here awaits). Every write is on disk when it returns,
/// so a killed process loses nothing it was told was written. One store per run folder: LiteDB's direct mode takes
/// only a shared file lock, so two processes could both open the file; hold <see cref="RunLock"/> before opening.
/// </remarks>
public sealed class ArchiveStore : IDisposable
{
    public const string FileName = "archive.db";

    private readonly Lock _gate = new();
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _nodes;
    private readonly ILiteCollection<BsonDocument> _meta;
    private readonly string _runDir;
    private readonly string _file;
    private readonly bool _checksumsRequired;
    private long _nextId;
    private bool _disposed;

    private ArchiveStore(LiteDatabase db, string runDir, string file, bool readOnly)
    {
        _db = db;
        _runDir = runDir;
        _file = file;
        _nodes = db.GetCollection("nodes");
        _meta = db.GetCollection("meta");
        var collections = db.GetCollectionNames().Where(name => !name.StartsWith('$')).ToList();
        if (collections.Count > 0 && !collections.Any(name => name is "nodes" or "meta"))
        {
            throw ArchiveException.Foreign(file);
        }

        var empty = _nodes.Count() == 0 && _meta.Count() == 0;
        if (empty && !readOnly)
        {
            // A new archive: every node record carries a checksum from the first write on.
            Write(() => _meta.Upsert(new BsonDocument { ["_id"] = FormatKey, ["version"] = FormatVersion }));
        }

        _checksumsRequired = _meta.FindById(FormatKey) is { } format && format["version"].AsInt32 >= FormatVersion;
        _nextId = _nodes.Count() == 0 ? 0 : _nodes.Max().AsInt64 + 1;
    }

    private const string FormatKey = "format";

    // Version 2: node records carry checksums. Archives written before have none and are read as they are.
    private const int FormatVersion = 2;

    /// <summary>Creates or opens the run folder's archive; an unreadable file is an <see cref="ArchiveException"/> saying what to do.</summary>
    public static ArchiveStore Open(string runDir)
    {
        Directory.CreateDirectory(runDir);
        return OpenFile(runDir, readOnly: false);
    }

    /// <summary>
    /// <see cref="Open"/> for the process that runs the folder's evolution: an empty archive file in a folder that
    /// holds nothing else of a run (no lineage, no node logs) is what a run killed in its first moments leaves,
    /// and starts afresh; anywhere else an empty file is an error, never silently a new archive beside a lineage.
    /// </summary>
    public static ArchiveStore OpenForRun(string runDir)
    {
        var file = Path.Combine(runDir, FileName);
        if (File.Exists(file) && new FileInfo(file).Length == 0
            && !Directory.Exists(Path.Combine(runDir, Lineage.FolderName)) && !Directory.Exists(Path.Combine(runDir, "nodes")))
        {
            File.Delete(file);
        }

        return Open(runDir);
    }

    /// <summary>
    /// Opens an existing archive for reading only: nothing is written (no file is created, an empty or foreign
    /// file is an error naming it, never rewritten as a new archive).
    /// </summary>
    public static ArchiveStore OpenReadOnly(string runDir)
    {
        var file = Path.Combine(runDir, FileName);
        if (!File.Exists(file))
        {
            throw ArchiveException.Missing(file);
        }

        return OpenFile(runDir, readOnly: true);
    }

    private static ArchiveStore OpenFile(string runDir, bool readOnly)
    {
        var file = Path.Combine(runDir, FileName);
        LiteDatabase? db = null;
        try
        {
            if (DataFileCheck.Problem(file) is { } problem)
            {
                throw ArchiveException.Unreadable(file, problem);
            }

            if (File.Exists(file) && new FileInfo(file).Length == 0)
            {
                throw ArchiveException.Empty(file);
            }

            db = new LiteDatabase(new ConnectionString { Filename = Path.GetFullPath(file), Connection = ConnectionType.Direct, ReadOnly = readOnly });
            var store = new ArchiveStore(db, runDir, file, readOnly);
            if (readOnly && store.GetRunInfo() is null && store.Read(() => store._nodes.Count()) == 0)
            {
                throw ArchiveException.NoRun(file);
            }

            return store;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not ArchiveException)
        {
            // A damaged file fails in many ways inside LiteDB (LiteException, casts, ranges); all mean "this file".
            TryDispose(db);
            throw ArchiveException.Unreadable(file, e);
        }
    }

    /// <summary>Adds a node; a child also counts for its parent's <see cref="Node.Children"/>, in the same transaction.</summary>
    public void Insert(Node node)
    {
        var id = NodeIds.Parse(node.Id);
        Write(() =>
        {
            if (_nodes.FindById(id) is not null)
            {
                throw ArchiveException.DuplicateId(node.Id, _runDir);
            }

            if (node.ParentId is { } parentId)
            {
                var parent = (NodeIds.TryParse(parentId, out var p) ? _nodes.FindById(p) : null)
                    ?? throw ArchiveException.ParentMissing(node.Id, parentId, _runDir);
                parent[nameof(Node.Children)] = parent[nameof(Node.Children)].AsInt32 + 1;
                _nodes.Update(NodeDocument.Seal(parent));
            }

            _nodes.Insert(NodeDocument.Seal(NodeDocument.ToBson(node)));
            _nextId = Math.Max(_nextId, id + 1);
        });
    }

    /// <summary>Replaces a node by id. <see cref="Node.Children"/> is the store's: the stored count is kept, so a stale copy cannot reset it.</summary>
    public void Update(Node node)
    {
        var id = NodeIds.TryParse(node.Id, out var n) ? n : -1;
        Write(() =>
        {
            var stored = _nodes.FindById(id) ?? throw NotFound(node.Id);
            if (NodeDocument.Text(stored, nameof(Node.ParentId)) != node.ParentId)
            {
                throw ArchiveException.ParentChanged(node.Id, _runDir);
            }

            var doc = NodeDocument.ToBson(node);
            doc[nameof(Node.Children)] = stored[nameof(Node.Children)];
            _nodes.Update(NodeDocument.Seal(doc));
        });
    }

    public Node Get(string id) => TryGet(id, out var node) ? node! : throw Read(() => NotFound(id));

    public bool TryGet(string id, out Node? node)
    {
        if (!NodeIds.TryParse(id.Trim(), out var n))
        {
            node = null;
            return false;
        }

        var doc = Read(() => _nodes.FindById(n));
        node = doc is null ? null : Read(() => Checked(doc));
        return node is not null;
    }

    /// <summary>Every node, seed first, by numeric id.</summary>
    public IReadOnlyList<Node> All() =>
        Read(() => _nodes.FindAll().Select(Checked).OrderBy(n => NodeIds.Parse(n.Id)).ToList());

    /// <summary>A stored record as a node, once its checksum says it is what was written.</summary>
    private Node Checked(BsonDocument doc) =>
        NodeDocument.Damage(doc, _checksumsRequired) is { } damage
            ? throw new FormatException($"node {(doc["_id"].IsInt64 ? doc["_id"].AsInt64.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}'s record is damaged: {damage}")
            : NodeDocument.FromBson(doc);

    /// <summary>Reserves a fresh id: never handed out twice by this store, so concurrent callers cannot collide (an id not inserted leaves a gap).</summary>
    public string NextId()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return NodeIds.Format(_nextId++);
        }
    }

    /// <summary>A node by id or alias: <c>seed</c> (the root), <c>best</c> (highest score among valid nodes, ties to the smaller id), <c>latest</c> (highest id).</summary>
    public Node Resolve(string idOrAlias)
    {
        var key = idOrAlias.Trim();
        if (key.Equals("seed", StringComparison.OrdinalIgnoreCase))
        {
            return All().FirstOrDefault(n => n.IsSeed) ?? throw Read(() => NotFound(key));
        }

        if (key.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            var all = All();
            return all.Count > 0 ? all[^1] : throw Read(() => NotFound(key));
        }

        if (key.Equals("best", StringComparison.OrdinalIgnoreCase))
        {
            return All()
                .Where(n => n.Status == NodeStatus.Valid && n.Score is not null)
                .OrderByDescending(n => n.Score)
                .ThenBy(n => NodeIds.Parse(n.Id))
                .FirstOrDefault() ?? throw NodeNotFoundException.NoBest(_runDir);
        }

        return Get(key);
    }

    public RunInfo? GetRunInfo() =>
        Read(() => _meta.FindById(RunInfoDocument.Key) is { } doc ? RunInfoDocument.FromBson(doc) : null);

    public void SetRunInfo(RunInfo info) => Write(() => _meta.Upsert(RunInfoDocument.ToBson(info)));

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _db.Dispose();
            }
        }
    }

    private NodeNotFoundException NotFound(string idOrAlias) =>
        NodeNotFoundException.InArchive(idOrAlias, _runDir, [.. _nodes.FindAll().Select(d => d["_id"].AsInt64).Order()]);

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return read();
            }
            catch (Exception e) when (e is LiteException or IOException or InvalidCastException or FormatException or ArgumentException or KeyNotFoundException)
            {
                // Damaged pages or documents surface as LiteDB errors or as failed conversions in the mapping.
                throw ArchiveException.Unreadable(_file, e);
            }
        }
    }

    private void Write(Action write)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                _db.BeginTrans();
                try
                {
                    write();
                    _db.Commit();
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }

                Durable();
            }
            catch (Exception e) when (e is LiteException or IOException)
            {
                throw ArchiveException.WriteFailed(_file, e);
            }
        }
    }

    /// <summary>
    /// LiteDB's Commit only queues the transaction's pages for a background writer thread: a process killed right
    /// after Commit returns can lose it. A checkpoint waits for that queue and copies the log into the data file,
    /// so a node the caller saw written survives SIGKILL. Nodes change a few times a minute at most: cheap.
    /// </summary>
    private void Durable() => _db.Checkpoint();

    private static void TryDispose(LiteDatabase? db)
    {
        try
        {
            db?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The open already failed; that error is the one to report.
        }
    }
}
