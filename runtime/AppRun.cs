using System.Xml.Linq;

namespace Dgm.Agent.Runtime;

/// <summary>
/// Runs a test application itself, the way `dotnet test` runs it once built, with a candidate library in place of
/// the built one: for tests the in-memory host cannot run as their framework would. The application's folder is
/// copied once; each run puts the candidate's library (or the original back) into the copy, runs it with a TRX
/// report, and answers in the worker's own lines (PASS, FAIL, TRACE; a test with data rows passes when every row did).
/// </summary>
internal sealed class AppRun(string testsDll) : IDisposable
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly string _source = Path.GetDirectoryName(Path.GetFullPath(testsDll))!;
    private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
    private string? _copy;

    public async Task<(bool TimedOut, bool Crashed, HashSet<string> Lines)> RunAsync(string overrideDll, IReadOnlyList<string> tests, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var copy = _copy ??= Copy(_source);
        foreach (var name in _replaced)
        {
            File.Copy(Path.Combine(_source, name), Path.Combine(copy, name), overwrite: true);
        }

        _replaced.Clear();
        if (overrideDll.Length > 0)
        {
            var name = Path.GetFileName(overrideDll);
            File.Copy(overrideDll, Path.Combine(copy, name), overwrite: true);
            _replaced.Add(name);
        }

        var results = Path.Combine(copy, ".results-" + Guid.NewGuid().ToString("N"));
        var run = await ChildProcess.RunAsync("dotnet", ["exec", Path.Combine(copy, Path.GetFileName(testsDll)), "--report-trx", "--results-directory", results], copy, timeout, cancellationToken);
        var lines = new HashSet<string>(StringComparer.Ordinal);
        if (run.TimedOut)
        {
            return (true, false, lines);
        }

        var trx = Directory.Exists(results) ? Directory.EnumerateFiles(results, "*.trx").FirstOrDefault() : null;
        if (trx is null)
        {
            return (false, true, lines);
        }

        var wanted = tests.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, failure) in Read(XDocument.Load(trx)).Where(r => wanted.Count == 0 || wanted.Contains(r.Name)))
        {
            if (failure is null)
            {
                lines.Add($"PASS {name}");
                continue;
            }

            lines.Add($"FAIL {name}: {failure.Value.Message.ReplaceLineEndings(" ")}");
            lines.Add($"TRACE {name}\t{failure.Value.Trace.ReplaceLineEndings("\u001f")}");
        }

        Directory.Delete(results, recursive: true);
        return (false, false, lines);
    }

    /// <summary>Per test (class and method, as the TRX names it): null when every result of it passed, else the first failure's message and trace.</summary>
    private static IEnumerable<(string Name, (string Message, string Trace)? Failure)> Read(XDocument trx)
    {
        var names = trx.Descendants(Ns + "UnitTest").ToDictionary(
            u => (string?)u.Attribute("id") ?? "",
            u => u.Element(Ns + "TestMethod") is { } m ? $"{(string?)m.Attribute("className")}.{(string?)m.Attribute("name")}" : (string?)u.Attribute("name") ?? "");
        var outcomes = new Dictionary<string, (string Message, string Trace)?>(StringComparer.Ordinal);
        foreach (var result in trx.Descendants(Ns + "UnitTestResult"))
        {
            if (!names.TryGetValue((string?)result.Attribute("testId") ?? "", out var name))
            {
                continue;
            }

            var passed = (string?)result.Attribute("outcome") == "Passed";
            if (!outcomes.TryGetValue(name, out var earlier) || (earlier is null && !passed))
            {
                outcomes[name] = passed ? null : ((string?)result.Descendants(Ns + "Message").FirstOrDefault() ?? (string?)result.Attribute("outcome") ?? "failed", (string?)result.Descendants(Ns + "StackTrace").FirstOrDefault() ?? "");
            }
        }

        return outcomes.Select(o => (o.Key, o.Value));
    }

    private static string Copy(string source)
    {
        var copy = Directory.CreateTempSubdirectory("dgm-app-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public void Dispose()
    {
        if (_copy is { } copy)
        {
            _copy = null;
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
                // a test process may still hold a file; the temporary folder goes with the sandbox
            }
        }
    }
}
