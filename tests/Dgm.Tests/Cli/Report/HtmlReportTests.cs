using System.Text.RegularExpressions;
using Dgm.Cli.Rendering;

namespace Dgm.Tests.Cli.Report;

[TestClass]
public sealed class HtmlReportTests
{
    [TestMethod]
    public void The_report_is_self_contained_with_no_external_resource()
    {
        var html = HtmlReport.Render("run-1", Families.Small(), Hostile.DiffOf, Families.Now);

        foreach (var external in new[] { "http:", "https:", "//", "src=", "<link", "@import", "url(" })
        {
            Assert.IsFalse(html.Contains(external, StringComparison.OrdinalIgnoreCase), $"the report refers to something outside it: {external}");
        }
    }

    [TestMethod]
    public void The_summary_gives_nodes_best_seed_holdout_and_cost()
    {
        var html = HtmlReport.Render("run-1", Families.Small(), Hostile.DiffOf, Families.Now);

        StringAssert.Contains(html, "<title>Dgm run run-1</title>");
        StringAssert.Contains(html, "<tr><th>nodes</th><td>4: 3 valid, 1 invalid or rejected, 0 other</td></tr>");
        StringAssert.Contains(html, "<tr><th>best</th><td><a href=\"#node-3\">node 3</a> 60.0%</td></tr>");
        StringAssert.Contains(html, "<tr><th>seed</th><td><a href=\"#node-0\">node 0</a> 30.0%</td></tr>");
        StringAssert.Contains(html, "<tr><th>holdout</th><td>seed 20.0%, best 50.0%</td></tr>");
        StringAssert.Contains(html, "<tr><th>cost</th><td>$2.75, 200,000 tokens</td></tr>");
    }

    [TestMethod]
    public void The_tree_has_one_linked_circle_per_node_and_highlights_the_best_lineage_edges()
    {
        var html = HtmlReport.Render("run-1", Families.Small(), Hostile.DiffOf, Families.Now);
        var tree = Regex.Match(html, "<svg class=\"tree\"[\\s\\S]*?</svg>").Value;

        Assert.AreEqual(4, Regex.Count(tree, "<circle "));
        foreach (var id in new[] { "0", "1", "2", "3" })
        {
            StringAssert.Contains(tree, $"<a href=\"#node-{id}\"");
            StringAssert.Contains(html, $"<details id=\"node-{id}\">");
        }

        Assert.AreEqual(2, Regex.Count(tree, "class=\"edge best\""));
        Assert.AreEqual(1, Regex.Count(tree, "class=\"edge\""));
        StringAssert.Contains(tree, "fill=\"#bdbdbd\"");
    }

    [TestMethod]
    public void The_progress_chart_draws_best_and_mean_per_iteration()
    {
        var html = HtmlReport.Render("run-1", Families.Small(), Hostile.DiffOf, Families.Now);
        var chart = Regex.Match(html, "<svg class=\"progress\"[\\s\\S]*?</svg>").Value;

        var best = Regex.Match(chart, "<polyline class=\"best\" points=\"([^\"]*)\"").Groups[1].Value.Split(' ');
        var mean = Regex.Match(chart, "<polyline class=\"mean\" points=\"([^\"]*)\"").Groups[1].Value.Split(' ');
        Assert.AreEqual(3, best.Length);
        Assert.AreEqual(3, mean.Length);
        // Best rises 30% → 40% → 60%: on screen, y falls.
        var ys = best.Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.IsTrue(ys[0] > ys[1] && ys[1] > ys[2], string.Join(' ', best));
        StringAssert.Contains(chart, ">100%</text>");
        StringAssert.Contains(chart, ">iteration</text>");
    }

    [TestMethod]
    public void Diff_lines_are_classed_added_removed_and_the_seed_says_it_has_no_diff()
    {
        var html = HtmlReport.Render("run-1", Families.Small(), Hostile.DiffOf, Families.Now);

        StringAssert.Contains(html, "<span class=\"add\">+var steps = 30;\n</span>");
        StringAssert.Contains(html, "<span class=\"del\">-var steps = 3;\n</span>");
        StringAssert.Contains(html, "<span class=\"hunk\">@@ -1,2 +1,2 @@\n</span>");
        StringAssert.Contains(html, "No diff (the seed");
    }

    [TestMethod]
    public void Hostile_agent_text_is_escaped_everywhere_and_never_becomes_markup()
    {
        var html = HtmlReport.Render("\"><script>alert(1)</script>", Hostile.Nodes(), Hostile.DiffOf, Families.Now);

        // Our own script is the only one; no agent text opens an element or an attribute.
        Assert.AreEqual(1, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.AreEqual(0, Regex.Count(html, "<img", RegexOptions.IgnoreCase));
        Assert.AreEqual(0, Regex.Count(html, "<(b|i)>", RegexOptions.IgnoreCase));
        Assert.AreEqual(Regex.Count(html, "<pre"), Regex.Count(html, "</pre>"));
        Assert.AreEqual(Regex.Count(html, "<details"), Regex.Count(html, "</details>"));
        Assert.IsFalse(html.Contains("' onmouseover='", StringComparison.Ordinal));
        Assert.IsFalse(html.Contains("\" onclick=\"", StringComparison.Ordinal));
        StringAssert.Contains(html, "<span class=\"add\">+&lt;/pre&gt;&lt;/dd&gt;&lt;/details&gt;&lt;script&gt;");
        StringAssert.Contains(html, "<title>Dgm run &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    }
}
