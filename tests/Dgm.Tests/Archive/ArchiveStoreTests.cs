using Dgm.Archive;
using static Dgm.Tests.Archive.ArchiveTestKit;

namespace Dgm.Tests.Archive;

/// <summary>The archive of one run: nodes by id and alias, child counts, run metadata, and what a broken file says.</summary>
[TestClass]
public sealed class ArchiveStoreTests
{
    [TestMethod]
    public void Insert_then_get_returns_the_node_and_counts_it_for_its_parent()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);

        store.Insert(Seed());
        store.Insert(Node("1", "0"));
        store.Insert(Node("2", "0"));
        store.Insert(Node("3", "1"));

        Assert.AreEqual(2, store.Get("0").Children);
        Assert.AreEqual(1, store.Get("1").Children);
        Assert.AreEqual(0, store.Get("3").Children);
        Assert.AreEqual("1", store.Get("3").ParentId);
        Assert.IsTrue(File.Exists(run[ArchiveStore.FileName]));
    }

    [TestMethod]
    public void Insert_of_a_duplicate_id_is_refused_with_a_clear_message()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        store.Insert(Seed());
        store.Insert(Node("1", "0"));

        var error = Assert.ThrowsExactly<ArchiveException>(() => store.Insert(Node("1", "0")));

        Assert.AreEqual($"Node '1' is already in {run.Path}; ids are never reused: take a fresh one from NextId().", error.Message);
        Assert.AreEqual(1, store.Get("0").Children, "the refused insert must not count for the parent");
    }

    [TestMethod]
    public void Insert_with_a_missing_parent_or_a_malformed_id_writes_nothing()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        store.Insert(Seed());

        var orphan = Assert.ThrowsExactly<ArchiveException>(() => store.Insert(Node("1", "9")));
        var malformed = Assert.ThrowsExactly<ArchiveException>(() => store.Insert(Node("1", "0") with { Id = "01" }));

        StringAssert.Contains(orphan.Message, "names parent '9', which is not in");
        StringAssert.Contains(malformed.Message, "'01' is not a node id");
        Assert.AreEqual(1, store.All().Count);
    }

    [TestMethod]
    public void Update_replaces_by_id_and_keeps_the_stored_child_count()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        var stale = Seed();
        store.Insert(stale);
        store.Insert(Node("1", "0"));

        store.Update(stale with { HoldoutScore = 0.5, Status = NodeStatus.Valid });

        var seed = store.Get("0");
        Assert.AreEqual(0.5, seed.HoldoutScore);
        Assert.AreEqual(1, seed.Children, "a stale copy must not reset the count the store keeps");
    }

    [TestMethod]
    public void Update_of_an_unknown_id_throws_NodeNotFound_and_a_new_parent_is_refused()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        store.Insert(Seed());
        store.Insert(Node("1", "0"));
        store.Insert(Node("2", "0"));

        var missing = Assert.ThrowsExactly<NodeNotFoundException>(() => store.Update(Node("5", "0")));
        Assert.ThrowsExactly<ArchiveException>(() => store.Update(Node("2", "1")));

        Assert.AreEqual("5", missing.NodeId);
        Assert.AreEqual(2, store.Get("0").Children);
    }

    [TestMethod]
    public void All_orders_by_numeric_id_so_10_comes_after_9()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        store.Insert(Seed());
        foreach (var id in new[] { 10, 2, 9, 1, 11 })
        {
            store.Insert(Node($"{id}", "0"));
        }

        CollectionAssert.AreEqual(new[] { "0", "1", "2", "9", "10", "11" }, store.All().Select(n => n.Id).ToArray());
    }

    [TestMethod]
    public async Task NextId_hands_out_fresh_ids_to_concurrent_callers_and_inserts_from_many_tasks_all_land()
    {
        using var run = new TempFolder();
        using (var store = ArchiveStore.Open(run.Path))
        {
            Assert.AreEqual("0", store.NextId());
            store.Insert(Seed());

            var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            {
                var id = store.NextId();
                store.Insert(Node(id, "0"));
                return id;
            })));

            Assert.AreEqual(40, ids.Distinct().Count());
            Assert.AreEqual(40, store.Get("0").Children);
        }

        using var reopened = ArchiveStore.Open(run.Path);
        Assert.AreEqual("41", reopened.NextId());
    }

    [TestMethod]
    public void Resolve_accepts_ids_and_the_aliases_seed_best_and_latest()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        store.Insert(Seed(score: 0.2));
        store.Insert(Node("1", "0", score: 0.6));
        store.Insert(Node("2", "1", score: 0.9, status: NodeStatus.Invalid));
        store.Insert(Node("3", "0", score: 0.6));
        store.Insert(Node("4", "3", score: null, status: NodeStatus.Evaluating));

        Assert.AreEqual("0", store.Resolve("seed").Id);
        Assert.AreEqual("1", store.Resolve("best").Id, "highest valid score, ties to the smaller id; invalid nodes never count");
        Assert.AreEqual("4", store.Resolve("LATEST").Id);
        Assert.AreEqual("3", store.Resolve(" 3 ").Id);
    }

    [TestMethod]
    public void Resolve_unknown_id_says_which_ids_exist()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        store.Insert(Seed());
        foreach (var id in new[] { 1, 2, 3, 7 })
        {
            store.Insert(Node($"{id}", "0"));
        }

        var error = Assert.ThrowsExactly<NodeNotFoundException>(() => store.Resolve("17"));

        Assert.AreEqual($"No node '17' in {run.Path} (nodes 0-3, 7; try 'dgm tree --run {run.Path}').", error.Message);
        Assert.AreEqual("17", error.NodeId);
    }

    [TestMethod]
    public void Resolve_in_an_empty_archive_or_best_without_a_scored_valid_node_says_so()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);

        var empty = Assert.ThrowsExactly<NodeNotFoundException>(() => store.Resolve("seed"));
        store.Insert(Seed(score: null));
        var best = Assert.ThrowsExactly<NodeNotFoundException>(() => store.Resolve("best"));

        StringAssert.Contains(empty.Message, "(the archive is empty;");
        StringAssert.Contains(best.Message, "no node is valid with a score yet");
        Assert.IsFalse(store.TryGet("abc", out var none));
        Assert.IsNull(none);
    }

    [TestMethod]
    public void Run_info_round_trips_and_is_null_in_a_new_archive()
    {
        using var run = new TempFolder();
        var info = new RunInfo("2026-11-23-a", T0, new Dictionary<string, string> { ["iterations"] = "80", ["model.name"] = "openai:x", ["$odd"] = "" }, RunStatus.Running);
        using (var store = ArchiveStore.Open(run.Path))
        {
            Assert.IsNull(store.GetRunInfo());
            store.SetRunInfo(info);
            store.SetRunInfo(info with { Status = RunStatus.Interrupted, Finished = T0.AddHours(3) });
        }

        using var reopened = ArchiveStore.Open(run.Path);
        var stored = reopened.GetRunInfo()!;
        Assert.AreEqual(("2026-11-23-a", T0, RunStatus.Interrupted, T0.AddHours(3)), (stored.RunId, stored.Created, stored.Status, stored.Finished));
        Assert.AreEqual(T0.Offset, stored.Created.Offset);
        CollectionAssert.AreEquivalent(info.Options.ToList(), stored.Options.ToList());
    }

    [TestMethod]
    public void A_file_of_garbage_bytes_gives_an_actionable_ArchiveException()
    {
        using var run = new TempFolder();
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(run[ArchiveStore.FileName], garbage);

        var error = Assert.ThrowsExactly<ArchiveException>(() => ArchiveStore.Open(run.Path));

        Console.WriteLine(error.Message);
        StringAssert.StartsWith(error.Message, $"Cannot read the archive {run[ArchiveStore.FileName]}: ");
        StringAssert.EndsWith(error.Message, "Restore it (and its -log.db file, if any) from a backup, or start a new run folder.");
        Assert.IsFalse(error.Message.Contains('\n', StringComparison.Ordinal), error.Message);
    }

    [TestMethod]
    [DataRow(64)]
    [DataRow(8192)]
    public void Garbage_behind_a_valid_signature_gives_an_actionable_ArchiveException(int from)
    {
        using var run = new TempFolder();
        using (var store = ArchiveStore.Open(run.Path))
        {
            store.Insert(Seed());
            store.Insert(Node("1", "0"));
        }

        var bytes = File.ReadAllBytes(run[ArchiveStore.FileName]);
        new Random(3).NextBytes(bytes.AsSpan(from));
        File.WriteAllBytes(run[ArchiveStore.FileName], bytes);

        var error = Assert.ThrowsExactly<ArchiveException>(() =>
        {
            using var store = ArchiveStore.Open(run.Path);
            store.All();
        });

        Console.WriteLine(error.Message);
        StringAssert.Contains(error.Message, "from a backup, or start a new run folder.");
    }

    [TestMethod]
    public void A_truncated_file_gives_an_actionable_ArchiveException()
    {
        using var run = new TempFolder();
        using (var store = ArchiveStore.Open(run.Path))
        {
            store.Insert(Seed());
        }

        var bytes = File.ReadAllBytes(run[ArchiveStore.FileName]);
        File.WriteAllBytes(run[ArchiveStore.FileName], bytes[..100]);

        var error = Assert.ThrowsExactly<ArchiveException>(() => ArchiveStore.Open(run.Path));

        StringAssert.Contains(error.Message, "shorter than its own header page (truncated?). Restore it");
    }
}
