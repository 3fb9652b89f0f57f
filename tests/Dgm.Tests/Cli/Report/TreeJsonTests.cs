using System.Text.Json;
using Dgm.Archive;
using Dgm.Cli.Rendering;

namespace Dgm.Tests.Cli.Report;

[TestClass]
public sealed class TreeJsonTests
{
    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 4096 };

    [TestMethod]
    public void Json_round_trips_every_node_with_its_fields_nested_under_its_parent()
    {
        var nodes = Families.Small();

        using var json = JsonDocument.Parse(TreeRenderer.Json(nodes), Deep);

        var root = json.RootElement;
        Assert.AreEqual("3", root.GetProperty("best").GetString());
        CollectionAssert.AreEqual(new[] { "3", "1", "0" }, root.GetProperty("best_lineage").EnumerateArray().Select(e => e.GetString()).ToArray());
        var seed = root.GetProperty("roots").EnumerateArray().Single();
        CollectionAssert.AreEqual(new[] { "1", "2" }, seed.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray());

        var read = Flatten(seed).ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.AreEqual(nodes.Count, read.Count);
        foreach (var node in nodes)
        {
            var e = read[node.Id];
            Assert.AreEqual(node.ParentId, e.GetProperty("parent").GetString());
            Assert.AreEqual(node.Generation, e.GetProperty("generation").GetInt32());
            Assert.AreEqual(node.Iteration, e.GetProperty("iteration").GetInt32());
            Assert.AreEqual(node.Status, Enum.Parse<NodeStatus>(e.GetProperty("status").GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true));
            Assert.AreEqual(node.InvalidReason, e.GetProperty("invalid_reason").GetString());
            Assert.AreEqual(node.Score, NullableDouble(e.GetProperty("score")));
            Assert.AreEqual(node.HoldoutScore, NullableDouble(e.GetProperty("holdout_score")));
            Assert.AreEqual(node.CostDollars, e.GetProperty("cost_dollars").GetDouble());
            Assert.AreEqual(node.Created, e.GetProperty("created").GetDateTimeOffset());
            Assert.AreEqual(node.Id is "0" or "1" or "3", e.GetProperty("on_best_lineage").GetBoolean());
            CollectionAssert.AreEqual(
                node.Stages.Select(s => (s.Stage, s.Attempted, s.Resolved)).ToArray(),
                e.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetInt32(), s.GetProperty("attempted").GetInt32(), s.GetProperty("resolved").GetInt32())).ToArray());
        }

        Assert.AreEqual("invalid", read["2"].GetProperty("status").GetString());
    }

    [TestMethod]
    public void Statuses_are_snake_case_words()
    {
        var nodes = new List<Node> { Families.Node("0", null, 0, 0, Families.Start, null, 0.1) with { Status = NodeStatus.PendingApproval } };

        using var json = JsonDocument.Parse(TreeRenderer.Json(nodes));

        Assert.AreEqual("pending_approval", json.RootElement.GetProperty("roots")[0].GetProperty("status").GetString());
    }

    [TestMethod]
    public void A_lineage_of_two_hundred_generations_renders_and_parses_with_a_deep_limit()
    {
        using var json = JsonDocument.Parse(TreeRenderer.Json(Families.Chain(200)), Deep);

        Assert.AreEqual("200", json.RootElement.GetProperty("best").GetString());
        Assert.AreEqual(201, Flatten(json.RootElement.GetProperty("roots")[0]).Count());
    }

    [TestMethod]
    public void An_empty_archive_has_no_best_and_no_roots()
    {
        using var json = JsonDocument.Parse(TreeRenderer.Json([]));

        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("best").ValueKind);
        Assert.AreEqual(0, json.RootElement.GetProperty("roots").GetArrayLength());
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement node) =>
        node.GetProperty("children").EnumerateArray().SelectMany(Flatten).Prepend(node);

    private static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
}
