using System.Collections;
using System.Reflection;
using Dgm.Archive;

namespace Dgm.Tests.Archive;

/// <summary>Every member of a node survives the archive file, so that a resumed run sees exactly what was stored.</summary>
[TestClass]
public sealed class NodeMappingTests
{
    private static readonly PropertyInfo[] Stored = [.. typeof(Node).GetProperties().Where(p => p.CanWrite)];

    private static Node Full() => new()
    {
        Id = "7",
        ParentId = "3",
        Generation = 2,
        Iteration = 4,
        Created = new DateTimeOffset(2026, 11, 23, 9, 30, 1, TimeSpan.FromHours(-5)).AddTicks(1234567),
        Finished = new DateTimeOffset(2026, 11, 23, 10, 0, 2, TimeSpan.FromMinutes(330)).AddTicks(7),
        Status = NodeStatus.PendingApproval,
        InvalidReason = "stage 1: no non-empty patch",
        Diagnosis = new Diagnosis("logs said x", "improve y", "propose z", "implement w", "problem p\nwith two lines"),
        ProblemStatement = "Make the agent view files by line range.",
        Stages = [new StageResult(1, 10, 6), new StageResult(2, 50, 21)],
        Results =
        [
            new TaskOutcome("bug-001", "train", 1, "resolved", true, true, "submitted", 12.5, "fast"),
            new TaskOutcome("bug-002", "holdout", 2, "empty_patch", false, false, null, 0.25, "full", "the patch touches src/A.csproj, which is not a C# source"),
        ],
        Findings = [new PolicyFinding("agent-network", "Models.cs", 12, "https://example.com", false)],
        Score = 0.45,
        HoldoutScore = 0.3,
        CostDollars = 1.2345,
        Tokens = 9_876_543_210,
        Children = 0,
        DiffLines = 42,
        Commit = "0123456789abcdef0123456789abcdef01234567",
        LogsDir = "nodes/7",
    };

    [TestMethod]
    public void The_sample_sets_every_stored_member_so_a_new_member_cannot_be_forgotten()
    {
        var node = Full();
        foreach (var property in Stored.Where(p => p.Name != nameof(Node.Children)))
        {
            var value = property.GetValue(node);
            Assert.IsNotNull(value, property.Name);
            if (value is ICollection collection)
            {
                Assert.AreNotEqual(0, collection.Count, property.Name);
            }
            else if (property.PropertyType.IsValueType)
            {
                Assert.AreNotEqual(Activator.CreateInstance(property.PropertyType), value, property.Name);
            }
        }
    }

    [TestMethod]
    public void Every_node_field_round_trips_through_the_archive()
    {
        using var run = new TempFolder();
        var node = Full();
        using (var store = ArchiveStore.Open(run.Path))
        {
            store.Insert(ArchiveTestKit.Seed() with { Id = "3", ParentId = null });
            store.Insert(node);
        }

        using var reopened = ArchiveStore.Open(run.Path);
        AssertSame(node, reopened.Get("7"));
    }

    [TestMethod]
    public void A_node_with_only_its_id_round_trips_with_nulls_and_empty_lists()
    {
        using var run = new TempFolder();
        using var store = ArchiveStore.Open(run.Path);
        var node = new Node { Id = "0" };

        store.Insert(node);

        AssertSame(node, store.Get("0"));
    }

    private static void AssertSame(Node expected, Node actual)
    {
        foreach (var property in Stored)
        {
            var (e, a) = (property.GetValue(expected), property.GetValue(actual));
            if (e is IEnumerable list and not string)
            {
                CollectionAssert.AreEqual(list.Cast<object>().ToList(), ((IEnumerable)a!).Cast<object>().ToList(), property.Name);
            }
            else if (e is DateTimeOffset time)
            {
                // DateTimeOffset equality ignores the offset; the archive keeps it.
                Assert.AreEqual((time.Ticks, time.Offset), (((DateTimeOffset)a!).Ticks, ((DateTimeOffset)a).Offset), property.Name);
            }
            else
            {
                Assert.AreEqual(e, a, property.Name);
            }
        }
    }
}
