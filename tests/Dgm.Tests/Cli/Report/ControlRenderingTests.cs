using Dgm.Archive;
using Dgm.Cli.Rendering;

namespace Dgm.Tests.Cli.Report;

/// <summary>What the control layer caught on a node shows in every rendering: the tree, its JSON and the report.</summary>
[TestClass]
public sealed class ControlRenderingTests
{
    private static IReadOnlyList<Node> Caught() =>
    [
        Families.Node("0", null, 0, 0, Families.Start, TimeSpan.FromHours(1), 0.3),
        Families.Node("1", "0", 1, 1, Families.Start, TimeSpan.FromMinutes(5), 0.2) with
        {
            Results =
            [
                new TaskOutcome("a", "train", 1, "tampered", false, true, "plausible_patch", 3),
                new TaskOutcome("b", "train", 1, "policy_violation", false, true, "plausible_patch", 2),
                new TaskOutcome("c", "train", 1, "resolved", true, true, "plausible_patch", 2),
            ],
            Findings = [new PolicyFinding("agent-network", "Models.cs", 3, "https://example.com", Blocks: false)],
        },
    ];

    [TestMethod]
    public void The_tree_text_json_and_report_say_what_was_tampered_refused_or_recorded()
    {
        var text = TreeRenderer.Text(Caught(), colour: false, Families.Now);
        var json = TreeRenderer.Json(Caught());
        var html = HtmlReport.Render("run-1", Caught(), _ => "", Families.Now);

        StringAssert.Contains(text, "1  20.0%  valid  ⚠ 1 tampered, 1 policy violation, agent-network (recorded)  0 children");
        StringAssert.Contains(json, "\"tampered\": 1");
        StringAssert.Contains(json, "\"policy_violations\": 1");
        StringAssert.Contains(json, "\"rule\": \"agent-network\"");
        StringAssert.Contains(html, "control layer");
        StringAssert.Contains(html, "recorded rule");
        StringAssert.Contains(html, "agent-network at Models.cs:3: https://example.com");
        Assert.IsFalse(TreeRenderer.Text([Caught()[0]], colour: false, Families.Now).Contains('⚠', StringComparison.Ordinal), "nothing caught, nothing shown");
    }
}
