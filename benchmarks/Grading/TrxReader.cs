using System.Xml.Linq;

namespace Dgm.Benchmarks.Grading;

/// <summary>Per-test outcomes from a TRX file, keyed by "Namespace.Class.Method".</summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static Dictionary<string, TestStatus> Read(string trxXml)
    {
        var doc = XDocument.Parse(trxXml);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in doc.Descendants(Ns + "UnitTest"))
        {
            names[(string?)test.Attribute("id") ?? ""] = test.Element(Ns + "TestMethod") is { } m
                ? $"{(string?)m.Attribute("className")}.{(string?)m.Attribute("name")}"
                : (string?)test.Attribute("name") ?? "";
        }

        var results = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (var result in doc.Descendants(Ns + "UnitTestResult"))
        {
            var id = (string?)result.Attribute("testId") ?? "";
            var name = names.TryGetValue(id, out var known) ? known : (string?)result.Attribute("testName") ?? id;
            var status = Parse((string?)result.Attribute("outcome"));

            // A test reported twice (data rows, retries) passes only if every report passed.
            results[name] = results.TryGetValue(name, out var earlier) && earlier != TestStatus.Passed ? earlier : status;
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
