using System.Security.Cryptography;
using System.Text;
using Dgm.Archive;
using Dgm.Tests.Support;
using LiteDB;
using static Dgm.Tests.Archive.ArchiveTestKit;

namespace Dgm.Tests.Archive;

/// <summary>An archive is what was written or an error naming the file: checksums per node, no silent new archive, read-only commands that write nothing.</summary>
[TestClass]
public sealed class ArchiveIntegrityTests
{
    [TestMethod]
    public void A_byte_changed_inside_a_node_record_is_reported_not_shown_as_data()
    {
        using var run = new TempFolder();
        using (var store = ArchiveStore.Open(run.Path))
        {
            store.Insert(Seed());
            store.Insert(Node("1", "0") with { ProblemStatement = "Make the agent view files by line range." });
        }

        // Flip letters inside the stored text, where the page stays valid LiteDB and only the data changes.
        var bytes = File.ReadAllBytes(run[ArchiveStore.FileName]);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("line range"));
        Assert.IsGreaterThan(0, at, "the text is stored in the data file");
        bytes[at] = (byte)'L';
        File.WriteAllBytes(run[ArchiveStore.FileName], bytes);

        using var reopened = ArchiveStore.OpenReadOnly(run.Path);
        var error = Assert.ThrowsExactly<ArchiveException>(() => reopened.All());

        StringAssert.Contains(error.Message, run[ArchiveStore.FileName]);
        StringAssert.Contains(error.Message, "node 1's record is damaged: its checksum does not match");
        Assert.AreEqual(0.2, reopened.Get("0").Score, "the undamaged node still reads");
    }

    [TestMethod]
    public void A_node_record_without_its_checksum_in_a_new_archive_is_damaged()
    {
        using var run = new TempFolder();
        using (var store = ArchiveStore.Open(run.Path))
        {
            store.Insert(Seed());
        }

        using (var db = new LiteDatabase(run[ArchiveStore.FileName]))
        {
            var nodes = db.GetCollection("nodes");
            var doc = nodes.FindById(0L);
            doc.Remove("_sum");
            doc["Score"] = 1.0;
            nodes.Update(doc);
        }

        using var reopened = ArchiveStore.OpenReadOnly(run.Path);
        StringAssert.Contains(Assert.ThrowsExactly<ArchiveException>(() => reopened.Get("0")).Message, "its checksum is missing");
    }

    [TestMethod]
    public void An_empty_archive_file_is_an_error_naming_it_and_stays_as_it_was()
    {
        using var run = new TempFolder();
        File.WriteAllBytes(run[ArchiveStore.FileName], []);

        var forWrite = Assert.ThrowsExactly<ArchiveException>(() => ArchiveStore.Open(run.Path));
        var forRead = Assert.ThrowsExactly<ArchiveException>(() => ArchiveStore.OpenReadOnly(run.Path));

        StringAssert.Contains(forWrite.Message, $"The archive {run[ArchiveStore.FileName]} is empty (0 bytes)");
        Assert.AreEqual(forWrite.Message, forRead.Message);
        Assert.AreEqual(0, new FileInfo(run[ArchiveStore.FileName]).Length);
    }

    [TestMethod]
    public void A_LiteDB_file_of_something_else_is_refused()
    {
        using var run = new TempFolder();
        using (var db = new LiteDatabase(run[ArchiveStore.FileName]))
        {
            db.GetCollection("customers").Insert(new BsonDocument { ["name"] = "x" });
        }

        StringAssert.Contains(Assert.ThrowsExactly<ArchiveException>(() => ArchiveStore.OpenReadOnly(run.Path)).Message, "is a LiteDB file of something else");
        Assert.ThrowsExactly<ArchiveException>(() => ArchiveStore.Open(run.Path));
    }

    [TestMethod]
    public async Task Read_only_commands_leave_the_archive_byte_for_byte_and_refuse_an_empty_one()
    {
        using var run = new TempFolder();
        using (var store = ArchiveStore.Open(run.Path))
        {
            store.SetRunInfo(new RunInfo("r", T0, new Dictionary<string, string>(), RunStatus.Finished));
            store.Insert(Seed());
            store.Insert(Node("1", "0"));
        }

        var before = SHA256.HashData(File.ReadAllBytes(run[ArchiveStore.FileName]));
        foreach (var args in new[] { new[] { "tree", "--run", run.Path }, ["show", "1", "--run", run.Path], ["tree", "--format", "json", "--run", run.Path] })
        {
            var (exit, _, error) = await DgmCli.RunAsync(args);
            Assert.AreEqual(0, exit, error);
        }

        CollectionAssert.AreEqual(before, SHA256.HashData(File.ReadAllBytes(run[ArchiveStore.FileName])), "dgm tree and show wrote nothing");

        using var empty = new TempFolder();
        File.WriteAllBytes(empty[ArchiveStore.FileName], []);
        var (emptyExit, _, emptyError) = await DgmCli.RunAsync("tree", "--run", empty.Path);
        Assert.AreNotEqual(0, emptyExit);
        StringAssert.Contains(emptyError, "is empty (0 bytes)");
        Assert.AreEqual(0, new FileInfo(empty[ArchiveStore.FileName]).Length, "an empty archive is not rewritten as a new one");
    }
}
