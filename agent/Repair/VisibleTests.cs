using System.Diagnostics;
using System.Xml.Linq;

namespace Dgm.Agent.Repair;

/// <summary>A test the repository's own run reported, with its failure's stack trace.</summary>
public sealed record TestOutcome(string Name, bool Passed, string StackTrace, string TestsDll);

/// <summary>Runs the repository's visible tests once with `dotnet test` (this also builds everything) and reads the TRX.</summary>
public static class VisibleTests
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static async Task<IReadOnlyList<TestOutcome>> RunAsync(string repo, string scratch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcomes = new List<TestOutcome>();
        foreach (var project in TestProjects(repo))
        {
            var results = Path.Combine(scratch, "visible-" + Path.GetFileNameWithoutExtension(project));
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "test", "--project", project, "--report-trx", "--results-directory", results })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await process.WaitForExitAsync(limit.Token);
            var trx = Directory.Exists(results) ? Directory.EnumerateFiles(results, "*.trx").FirstOrDefault() : null;
            if (trx is null)
            {
                var text = await output;
                throw new InvalidOperationException($"the visible tests did not run (build failure?): {text[Math.Max(0, text.Length - 1500)..]}");
            }

            outcomes.AddRange(Read(XDocument.Load(trx)));
        }

        return outcomes;
    }

    private static IEnumerable<string> TestProjects(string repo) =>
        Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p) is var text && (text.Contains("MSTest", StringComparison.Ordinal) || text.Contains("xunit", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<TestOutcome> Read(XDocument trx)
    {
        var definitions = trx.Descendants(Ns + "UnitTest").ToDictionary(
            u => (string?)u.Attribute("id") ?? "",
            u => u.Element(Ns + "TestMethod")!);
        foreach (var result in trx.Descendants(Ns + "UnitTestResult"))
        {
            if (!definitions.TryGetValue((string?)result.Attribute("testId") ?? "", out var method))
            {
                continue;
            }

            yield return new TestOutcome(
                $"{(string?)method.Attribute("className")}.{(string?)method.Attribute("name")}",
                (string?)result.Attribute("outcome") == "Passed",
                result.Descendants(Ns + "StackTrace").FirstOrDefault()?.Value ?? "",
                (string?)method.Attribute("codeBase") ?? "");
        }
    }
}
