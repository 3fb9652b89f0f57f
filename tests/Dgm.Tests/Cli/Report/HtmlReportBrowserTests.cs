using System.Text.RegularExpressions;
using Dgm.Cli.Rendering;
using Dgm.Tests.Support;

namespace Dgm.Tests.Cli.Report;

/// <summary>The report as a real browser sees it: headless Chromium loads the file and dumps its DOM.</summary>
[TestClass]
public sealed class HtmlReportBrowserTests
{
    [TestMethod]
    public async Task Chromium_shows_one_circle_per_node_and_a_details_section_each_and_runs_no_agent_script()
    {
        var browser = Chromium.Find();
        var nodes = Hostile.Nodes();
        using var report = ReportFile.Write(HtmlReport.Render("run-browser", nodes, Hostile.DiffOf, Families.Now));

        var dom = await Chromium.DumpDomAsync(browser, report.Url);

        var tree = Regex.Match(dom, "<svg class=\"tree\"[\\s\\S]*?</svg>");
        Assert.IsTrue(tree.Success, "no tree SVG in the browser's DOM");
        Assert.AreEqual(nodes.Count, Regex.Count(tree.Value, "<circle "));
        foreach (var node in nodes)
        {
            StringAssert.Contains(tree.Value, $"<a href=\"#node-{node.Id}\"");
            Assert.AreEqual(1, Regex.Count(dom, $"<details id=\"node-{node.Id}\""), $"details of node {node.Id}");
        }

        Assert.IsTrue(Regex.IsMatch(dom, "<svg class=\"progress\"[\\s\\S]*?<polyline class=\"best\""), "no progress chart");
        // The payloads mark the root element when they run; as escaped text they are harmless.
        Assert.IsFalse(Regex.IsMatch(dom, $"<html[^>]*{Hostile.Pwned}"), "an agent's text ran as script");
        StringAssert.Contains(dom, "&lt;script&gt;document.documentElement.setAttribute");
        Assert.AreEqual(1, Regex.Count(dom, "<script"));
    }

    [TestMethod]
    public async Task Chromium_opens_the_details_a_node_link_points_at()
    {
        var browser = Chromium.Find();
        using var report = ReportFile.Write(HtmlReport.Render("run-browser", Families.Small(), Hostile.DiffOf, Families.Now));

        var dom = await Chromium.DumpDomAsync(browser, report.Url + "#node-3");

        StringAssert.Matches(dom, new Regex("<details id=\"node-3\" open=\"\">"));
        StringAssert.Contains(dom, "<details id=\"node-1\">");
    }

    /// <summary>The report written to a temporary file, deleted afterwards.</summary>
    private sealed class ReportFile : IDisposable
    {
        private readonly DirectoryInfo folder;

        private ReportFile(DirectoryInfo folder, string path)
        {
            this.folder = folder;
            Url = new Uri(path).AbsoluteUri;
        }

        public string Url { get; }

        public static ReportFile Write(string html)
        {
            var folder = Directory.CreateTempSubdirectory("dgm-report-");
            var path = Path.Combine(folder.FullName, "report.html");
            File.WriteAllText(path, html);
            return new ReportFile(folder, path);
        }

        public void Dispose() => folder.Delete(recursive: true);
    }
}
