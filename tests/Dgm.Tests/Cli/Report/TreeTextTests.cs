using Dgm.Archive;
using Dgm.Cli.Rendering;

namespace Dgm.Tests.Cli.Report;

[TestClass]
public sealed class TreeTextTests
{
    [TestMethod]
    public void Plain_text_draws_the_family_as_a_tree_with_scores_status_children_time_and_the_best_lineage()
    {
        var text = TreeRenderer.Text(Families.Small(), colour: false, Families.Now);

        Assert.AreEqual(
            """
            0 ★  30.0% (holdout 20.0%)  valid  2 children  took 1 hour
            ├─ 1 ★  40.0%  valid  1 child  took 30 minutes
            │  └─ 3 ★  60.0% (holdout 50.0%)  valid  0 children  took 45 minutes
            └─ 2  no score  invalid: empty diff  0 children  took 2 minutes

            """.ReplaceLineEndings("\n"),
            text);
    }

    [TestMethod]
    public void A_running_node_says_its_state_and_how_long_it_has_been_running()
    {
        var nodes = new List<Node>(Families.Small())
        {
            Families.Node("4", "3", 3, 3, Families.Now.AddMinutes(-5), null, null) with { Status = NodeStatus.SelfImproving },
            Families.Node("5", "3", 3, 3, Families.Now.AddMinutes(-90), TimeSpan.FromMinutes(80), 0.7) with { Status = NodeStatus.PendingApproval },
        };

        var lines = TreeRenderer.Text(nodes, colour: false, Families.Now).Split('\n');

        Assert.AreEqual("│     ├─ 4  no score  self improving  0 children  running for 5 minutes", lines[3]);
        Assert.AreEqual("│     └─ 5  70.0%  pending approval  0 children  took 1 hour, 20 minutes", lines[4]);
    }

    [TestMethod]
    public void A_multi_line_invalid_reason_stays_on_its_node_line()
    {
        var nodes = new List<Node>
        {
            Families.Node("0", null, 0, 0, Families.Start, TimeSpan.FromSeconds(3), 0.1),
            Families.Node("1", "0", 1, 1, Families.Start, TimeSpan.FromSeconds(3), null) with { Status = NodeStatus.Invalid, InvalidReason = "build failed:\nerror CS1002" },
        };

        var text = TreeRenderer.Text(nodes, colour: false, Families.Now);

        Assert.AreEqual(2, text.TrimEnd('\n').Split('\n').Length);
        StringAssert.Contains(text, "invalid: build failed: error CS1002");
    }

    [TestMethod]
    public void Colour_paints_valid_green_invalid_red_and_the_marker_and_plain_text_has_no_escape_codes()
    {
        var coloured = TreeRenderer.Text(Families.Small(), colour: true, Families.Now);
        var plain = TreeRenderer.Text(Families.Small(), colour: false, Families.Now);

        StringAssert.Contains(coloured, "\u001b[32m40.0%\u001b[0m");
        StringAssert.Contains(coloured, "\u001b[31minvalid: empty diff\u001b[0m");
        StringAssert.Contains(coloured, "\u001b[1;33m★\u001b[0m");
        Assert.IsFalse(plain.Contains('\u001b', StringComparison.Ordinal));
        Assert.AreEqual(plain, System.Text.RegularExpressions.Regex.Replace(coloured, "\u001b\\[[0-9;]*m", ""));
    }

    [TestMethod]
    public void An_empty_archive_is_empty_text()
    {
        Assert.AreEqual("", TreeRenderer.Text([], colour: false, Families.Now));
    }
}
