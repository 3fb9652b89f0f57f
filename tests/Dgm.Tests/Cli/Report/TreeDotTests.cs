using System.Diagnostics;
using System.Text.RegularExpressions;
using Dgm.Cli.Rendering;

namespace Dgm.Tests.Cli.Report;

[TestClass]
public sealed partial class TreeDotTests
{
    [TestMethod]
    public void Dot_draws_the_best_lineage_edges_bold_and_the_others_plain()
    {
        var dot = TreeRenderer.Dot(Families.Small());

        StringAssert.Contains(dot, "\"0\" -> \"1\" [style=bold, penwidth=3");
        StringAssert.Contains(dot, "\"1\" -> \"3\" [style=bold, penwidth=3");
        StringAssert.Contains(dot, "\"0\" -> \"2\";\n");
        StringAssert.Contains(dot, "\"3\" [label=\"3\\n60.0%\"");
        StringAssert.Contains(dot, "\"2\" [label=\"2\\ninvalid\", fillcolor=\"#bdbdbd\"");
    }

    [TestMethod]
    public void Dot_is_one_digraph_of_well_formed_statements_naming_only_known_nodes()
    {
        var dot = TreeRenderer.Dot(Families.Small());
        var lines = dot.TrimEnd('\n').Split('\n');

        Assert.AreEqual("digraph dgm {", lines[0]);
        Assert.AreEqual("}", lines[^1]);
        var declared = new HashSet<string>();
        var edges = 0;
        foreach (var line in lines[1..^1])
        {
            if (NodeStatement().Match(line) is { Success: true } node)
            {
                Assert.IsTrue(declared.Add(node.Groups[1].Value), $"declared twice: {line}");
            }
            else if (EdgeStatement().Match(line) is { Success: true } edge)
            {
                Assert.IsTrue(declared.Contains(edge.Groups[1].Value) && declared.Contains(edge.Groups[2].Value), $"edge to an undeclared node: {line}");
                edges++;
            }
            else
            {
                Assert.IsTrue(DefaultStatement().IsMatch(line), $"not a DOT statement: {line}");
            }
        }

        Assert.AreEqual(4, declared.Count);
        Assert.AreEqual(3, edges);
    }

    [TestMethod]
    public async Task Graphviz_accepts_the_dot_when_it_is_installed()
    {
        var dot = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "dot")).FirstOrDefault(File.Exists);
        if (dot is null)
        {
            const string reason = "Graphviz is not installed (apt-get install graphviz); the statement-level check above still runs";
            Console.WriteLine($"Skipping: {reason}");
            Assert.Inconclusive(reason);
        }

        using var process = Process.Start(new ProcessStartInfo(dot, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(TreeRenderer.Dot(Families.Small()));
        process.StandardInput.Close();
        await process.WaitForExitAsync();

        Assert.AreEqual(0, process.ExitCode, await stderr);
        Assert.AreEqual(4, Regex.Count(await stdout, "class=\"node\""));
    }

    // Node: "id" [attr=value, ...];  Edge: "a" -> "b" [attrs];  Defaults: graph|node|edge [attrs];
    [GeneratedRegex("""^  "([0-9]+)" \[label="[^"\\]*(\\.[^"\\]*)*"(, [a-z]+=("[^"]*"|[a-z0-9.]+))*\];$""")]
    private static partial Regex NodeStatement();

    [GeneratedRegex("""^  "([0-9]+)" -> "([0-9]+)"( \[[a-z]+=("[^"]*"|[a-z0-9.]+)(, [a-z]+=("[^"]*"|[a-z0-9.]+))*\])?;$""")]
    private static partial Regex EdgeStatement();

    [GeneratedRegex("""^  (graph|node|edge) \[[a-z]+=("[^"]*"|[a-zA-Z0-9.]+)(, [a-z]+=("[^"]*"|[a-zA-Z0-9.]+))*\];$""")]
    private static partial Regex DefaultStatement();
}
