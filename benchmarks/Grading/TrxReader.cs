using System.Xml.Linq;

namespace Dgm.Benchmarks.Grading;

/// <summary>One result element of a TRX file: the test ("Namespace.Class.Method"), its display name, outcome, captured output and failure message.</summary>
public sealed record TrxResult(string Name, string DisplayName, TestStatus Status, string StdOut, string Message = "");

/// <summary>Per-test outcomes from a TRX file, keyed by "Namespace.Class.Method".</summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Per test method: passed only if every result of it (data rows, retries) passed.</summary>
    public static Dictionary<string, TestStatus> Read(string trxXml) => Aggregate(Results(trxXml));

    /// <summary>Per test method over <paramref name="results"/>: passed only if every result passed.</summary>
    public static Dictionary<string, TestStatus> Aggregate(IEnumerable<TrxResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var aggregated = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            aggregated[result.Name] = aggregated.TryGetValue(result.Name, out var earlier) && earlier != TestStatus.Passed ? earlier : result.Status;
        }

        return aggregated;
    }

    /// <summary>Every result element, in file order; throws <see cref="System.Xml.XmlException"/> when the text is not XML.</summary>
    public static IReadOnlyList<TrxResult> Results(string trxXml)
    {
        var doc = XDocument.Parse(trxXml);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in doc.Descendants(Ns + "UnitTest"))
        {
            names[(string?)test.Attribute("id") ?? ""] = test.Element(Ns + "TestMethod") is { } m
                ? $"{(string?)m.Attribute("className")}.{(string?)m.Attribute("name")}"
                : (string?)test.Attribute("name") ?? "";
        }

        var results = new List<TrxResult>();
        foreach (var result in doc.Descendants(Ns + "UnitTestResult"))
        {
            var id = (string?)result.Attribute("testId") ?? "";
            var display = (string?)result.Attribute("testName") ?? id;
            var name = names.TryGetValue(id, out var known) ? known : display;
            var stdout = result.Element(Ns + "Output")?.Element(Ns + "StdOut")?.Value ?? "";
            var message = result.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")?.Value ?? "";
            results.Add(new TrxResult(name, display, Parse((string?)result.Attribute("outcome")), stdout, message));
        }

        return results;
    }

    private static TestStatus Parse(string? outcome) => outcome switch
    {
        "Passed" => TestStatus.Passed,
        "NotExecuted" or "Inconclusive" or "Pending" or "Disconnected" => TestStatus.Skipped,
        "Timeout" => TestStatus.TimedOut,
        _ => TestStatus.Failed,
    };
}
