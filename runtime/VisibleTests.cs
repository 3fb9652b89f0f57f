using System.Xml.Linq;

namespace Dgm.Agent.Runtime;

/// <summary>A test the repository's own run reported, with its failure's stack trace and message.</summary>
public sealed record TestOutcome(string Name, bool Passed, string StackTrace, string TestsDll, string Message = "");

/// <summary>Runs the repository's visible tests once with `dotnet test` (this also builds everything), or, when the built test application is up to date, its tests in memory or the application itself, and reads the results.</summary>
public static class VisibleTests
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static async Task<IReadOnlyList<TestOutcome>> RunAsync(string repo, string scratch, TimeSpan timeout, CancellationToken cancellationToken, Action<string>? note = null, TestWorkers? workers = null)
    {
        var outcomes = new List<TestOutcome>();
        foreach (var project in TestProjects(repo))
        {
            var results = Path.Combine(scratch, "visible-" + Path.GetFileNameWithoutExtension(project));
            if (Directory.Exists(results))
            {
                // A second run (after a reproducer wrote a test) must not read the first run's report.
                Directory.Delete(results, recursive: true);
            }

            // Built from these very sources already (the harness may hand the repository over built): run its tests
            // in memory, in the worker that will check the candidates, when a plain call runs each of them as the test
            // framework would; else run the test application directly, as `dotnet test` would once it found nothing
            // to build.
            var built = BuiltApplication(repo, project);
            if (built is not null && workers is not null)
            {
                var (inMemory, why) = await InMemoryAsync(workers.For(built), timeout, cancellationToken);
                if (inMemory is not null)
                {
                    note?.Invoke($"{Path.GetFileName(project)}: up to date, its {inMemory.Count} tests {why}");
                    outcomes.AddRange(inMemory);
                    continue;
                }

                note?.Invoke($"{Path.GetFileName(project)}: not run in memory: {why}");
            }

            note?.Invoke(built is null ? $"{Path.GetFileName(project)}: built and tested by dotnet test" : $"{Path.GetFileName(project)}: up to date, its test application run directly");
            var run = built is null
                ? await ChildProcess.RunAsync("dotnet", ["test", "--project", project, "--report-trx", "--results-directory", results], repo, timeout, cancellationToken)
                : await ChildProcess.RunAsync("dotnet", ["exec", built, "--report-trx", "--results-directory", results], Path.GetDirectoryName(built), timeout, cancellationToken);
            if (run.TimedOut)
            {
                throw new InvalidOperationException($"the visible tests of {Path.GetFileName(project)} did not finish within {timeout.TotalSeconds:0} s");
            }

            var trx = Directory.Exists(results) ? Directory.EnumerateFiles(results, "*.trx").FirstOrDefault() : null;
            if (trx is null)
            {
                var text = run.Output;
                throw new InvalidOperationException($"the visible tests did not run (build failure?): {text[Math.Max(0, text.Length - 1500)..]}");
            }

            outcomes.AddRange(Read(XDocument.Load(trx)).OrderBy(o => o.Name, StringComparer.Ordinal));
        }

        return outcomes;
    }

    /// <summary>Every test of the built application run by the worker (in memory, or the application itself where the host cannot run a test as its framework would) and how, or null and why not (a crash, a timeout, no test).</summary>
    private static async Task<(IReadOnlyList<TestOutcome>? Outcomes, string Why)> InMemoryAsync(TestWorker worker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (timedOut, crashed, lines) = await worker.RunAsync("", [], timeout, cancellationToken);
        if (timedOut || crashed)
        {
            return (null, timedOut ? "timed out" : "the test process crashed");
        }

        // A test the host cannot run as its framework would: the worker ran the application itself ("APP why").
        var how = lines.FirstOrDefault(l => l.StartsWith("APP ", StringComparison.Ordinal)) is { } app ? $"run as its application, since {app["APP ".Length..]}" : "run in memory";

        var traces = lines.Where(l => l.StartsWith("TRACE ", StringComparison.Ordinal))
            .Select(l => l["TRACE ".Length..].Split('\t', 2))
            .DistinctBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Replace('\u001f', '\n') : "", StringComparer.Ordinal);
        var outcomes = lines
            .Select(l => l.StartsWith("PASS ", StringComparison.Ordinal) ? (Name: l["PASS ".Length..], Passed: true, Message: "")
                : l.StartsWith("FAIL ", StringComparison.Ordinal) && l["FAIL ".Length..].Split(": ", 2) is var failed ? (Name: failed[0], Passed: false, Message: failed.Length > 1 ? failed[1] : "")
                : (Name: "", Passed: false, Message: ""))
            .Where(o => o.Name.Length > 0)
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new TestOutcome(o.Name, o.Passed, traces.GetValueOrDefault(o.Name, ""), worker.TestsDll, o.Message))
            .ToList();
        return outcomes.Count == 0 ? (null, "it found no test") : (outcomes, how);
    }

    /// <summary>The project's built test application when no file of the repository is newer than it, else null.</summary>
    private static string? BuiltApplication(string repo, string project)
    {
        var bin = Path.Combine(Path.GetDirectoryName(project)!, "bin");
        var name = XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
        var dll = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, name + ".dll", SearchOption.AllDirectories).FirstOrDefault(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
            : null;
        if (dll is null)
        {
            return null;
        }

        var newest = Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(repo, f).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or ".git"))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MaxValue)
            .Max();
        return newest <= File.GetLastWriteTimeUtc(dll) ? dll : null;
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
                (string?)method.Attribute("codeBase") ?? "",
                result.Descendants(Ns + "Message").FirstOrDefault()?.Value ?? "");
        }
    }
}
