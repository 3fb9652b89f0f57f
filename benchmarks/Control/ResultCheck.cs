using System.Text.RegularExpressions;
using Dgm.Benchmarks.Grading;

namespace Dgm.Benchmarks.Control;

/// <summary>What a test run left behind, as the grader collected it from outside the test process.</summary>
/// <param name="ExitCode">The test command's exit code.</param>
/// <param name="Trx">The text of exactly the TRX the platform was told to write, or null when there was none.</param>
/// <param name="OtherTrxFiles">Any other TRX files in the results folder (the platform writes one).</param>
/// <param name="Declared">The tests the compiled test assembly declares, read from its metadata.</param>
/// <param name="Output">The test command's console output, as captured by the sandbox.</param>
/// <param name="Tripwire">The tripwire written into the test project for this run.</param>
public sealed record TestEvidence(int ExitCode, string? Trx, IReadOnlyList<string> OtherTrxFiles, IReadOnlySet<string> Declared, string Output, Tripwire Tripwire)
{
    /// <summary>Declared tests the runner was told to leave out (the task's exclude_tests): not expected, not in the results.</summary>
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>The cross-checked outcome of a test run: per-test results, or why they are not trusted.</summary>
/// <param name="Results">Per test method, the tripwire left out; empty when not trusted.</param>
/// <param name="Tampered">The evidence that the results were forged or rewritten, or null.</param>
/// <param name="Error">Why no trustworthy result exists without evidence of tampering (a crash, a build failure), or null.</param>
public sealed record CheckedResults(IReadOnlyDictionary<string, TestStatus> Results, string? Tampered, string? Error)
{
    /// <summary>Per test that did not pass, its first failure's message (capped): what the test process said, for a reader, never for a verdict.</summary>
    public IReadOnlyDictionary<string, string> Failures { get; init; } = new Dictionary<string, string>();

    public static CheckedResults Forged(string evidence) => new(new Dictionary<string, TestStatus>(), evidence, null);

    public static CheckedResults Failed(string error) => new(new Dictionary<string, TestStatus>(), null, error);
}

/// <summary>
/// Trusts nothing the test process can write without a cross-check: the exit code must agree with the
/// outcomes, exactly the expected TRX is read, the tests it reports must be the tests the assembly declares,
/// the tripwire must show one test failed and one passed with its token, and no test the console reported
/// failed may show as passed. A pure function of the evidence.
/// </summary>
public static partial class ResultCheck
{
    /// <summary>Microsoft.Testing.Platform's exit code when at least one test failed (the tripwire always does).</summary>
    public const int SomeTestsFailed = 2;

    private const string PassingTripwireUntrue = "the tripwire test that always passes is not reported passing with the token it printed";

    /// <summary>How much of a failure message a report keeps.</summary>
    private const int FailureCap = 1000;

    public static CheckedResults Check(TestEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var tripwire = evidence.Tripwire;
        if (evidence.OtherTrxFiles.Count > 0)
        {
            return CheckedResults.Forged($"the results folder holds TRX files the platform was not asked to write: {string.Join(", ", evidence.OtherTrxFiles.Take(3))}");
        }

        if (evidence.Trx is null)
        {
            return evidence.ExitCode == 0
                ? CheckedResults.Forged("the test command reported success (exit code 0) but wrote no results")
                : CheckedResults.Failed($"no test ran: the test process ended with exit code {evidence.ExitCode} before writing results (see output_tail)");
        }

        IReadOnlyList<TrxResult> results;
        try
        {
            results = TrxReader.Results(evidence.Trx);
        }
        catch (System.Xml.XmlException e)
        {
            return CheckedResults.Forged($"the TRX is not the platform's: it is not valid XML ({e.Message})");
        }

        var perTest = TrxReader.Aggregate(results);
        if (Unknown(evidence.Declared, perTest.Keys) is { } unknown)
        {
            return CheckedResults.Forged(unknown);
        }

        // The tripwire, as far as the run got to it: a result that is there must be the true one.
        var pass = results.Where(r => r.Name == tripwire.MustPass).ToList();
        if (perTest.TryGetValue(tripwire.MustFail, out var mustFail) && mustFail != TestStatus.Failed)
        {
            return CheckedResults.Forged($"the tripwire test that always fails is reported {mustFail.ToString().ToLowerInvariant()}");
        }

        if (pass.Count > 0 && (pass.Count != 1 || pass[0].Status != TestStatus.Passed || !pass[0].StdOut.Contains(tripwire.Token, StringComparison.Ordinal)))
        {
            return CheckedResults.Forged(PassingTripwireUntrue);
        }

        if (LeftOut(evidence.Declared.Except(evidence.Excluded), perTest.Keys) is { } left)
        {
            // A test process that crashed or was killed midway (out of memory, a stack overflow, FailFast) leaves the
            // results of the tests it finished, and ends with its own exit code (the platform's 7, a signal's): an
            // error, never a pass. Only a run that ended as a finished run does (0, or 2: some failed) is forged.
            // A test host that the platform saw end with exit code 0 before its tests were done was ended on purpose
            // (Environment.Exit after forging a report, which the platform then replaced with what it recovered).
            return evidence.ExitCode is 0 or SomeTestsFailed ? CheckedResults.Forged(left)
                : HostExitedZero().IsMatch(evidence.Output) ? CheckedResults.Forged($"the test host exited with code 0 before every test ran: {left}")
                : CheckedResults.Failed($"the test process ended with exit code {evidence.ExitCode} before every test ran (it crashed or was killed): {left} (see output_tail)");
        }

        // Every declared test reported: the tripwire must be among them (a build that left it out declares no tripwire).
        if (!perTest.ContainsKey(tripwire.MustFail))
        {
            return CheckedResults.Forged("the tripwire test that always fails is reported missing");
        }

        if (pass.Count == 0)
        {
            return CheckedResults.Forged(PassingTripwireUntrue);
        }

        if (evidence.ExitCode == 0)
        {
            return CheckedResults.Forged("the test command reported success (exit code 0) although the tripwire test failed");
        }

        if (evidence.ExitCode != SomeTestsFailed)
        {
            return CheckedResults.Failed($"the test process ended with exit code {evidence.ExitCode} after writing results; they are not trusted (see output_tail)");
        }

        if (ConsoleContradiction(evidence.Output, results) is { } contradiction)
        {
            return CheckedResults.Forged(contradiction);
        }

        perTest.Remove(tripwire.MustFail);
        perTest.Remove(tripwire.MustPass);
        foreach (var excluded in evidence.Excluded)
        {
            perTest.Remove(excluded);
        }

        var failures = results.Where(r => r.Status != TestStatus.Passed && r.Message.Length > 0 && perTest.ContainsKey(r.Name))
            .DistinctBy(r => r.Name)
            .ToDictionary(r => r.Name, r => r.Message.Length <= FailureCap ? r.Message : r.Message[..FailureCap], StringComparer.Ordinal);
        return new CheckedResults(perTest, null, null) { Failures = failures };
    }

    private static string? Unknown(IReadOnlySet<string> declared, IEnumerable<string> reported)
    {
        var unknown = reported.Where(r => !declared.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return unknown.Count > 0 ? $"the results name tests the test assembly does not declare: {string.Join(", ", unknown.Take(3))}" : null;
    }

    private static string? LeftOut(IEnumerable<string> declared, IEnumerable<string> reported)
    {
        var reportedSet = reported.ToHashSet(StringComparer.Ordinal);
        var left = declared.Where(d => !reportedSet.Contains(d)).Order(StringComparer.Ordinal).ToList();
        return left.Count > 0 ? $"the results leave out tests the test assembly declares: {string.Join(", ", left.Take(3))}" : null;
    }

    /// <summary>The platform prints each failure ("failed NAME (3ms)") and a summary as it goes; results rewritten later disagree with it.</summary>
    private static string? ConsoleContradiction(string output, IReadOnlyList<TrxResult> results)
    {
        foreach (Match match in FailedLine().Matches(output))
        {
            // The console names a result by its display name ("M", or "M (1,2)" for a data row); the TRX by that
            // and by its method. The exact display name decides when the TRX has it; otherwise the method does.
            var display = match.Groups[1].Value;
            var exact = results.Where(r => r.DisplayName == display).ToList();
            var method = display.Split(" (", 2)[0];
            var candidates = exact.Count > 0 ? exact : results.Where(r => r.Name.EndsWith("." + method, StringComparison.Ordinal) || r.DisplayName == method).ToList();
            if (!candidates.Any(r => r.Status != TestStatus.Passed))
            {
                return $"the console reported '{display}' failed, but the TRX shows no such failure";
            }
        }

        var summary = SummaryFailed().Match(output);
        var failedInTrx = results.Count(r => r.Status is TestStatus.Failed or TestStatus.TimedOut);
        return summary.Success && int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != failedInTrx
            ? $"the console's summary counts {summary.Groups[1].Value} failed, the TRX {failedInTrx}"
            : null;
    }

    [GeneratedRegex(@"^failed (.+?) \(\d[^)]*\)\s*$", RegexOptions.Multiline)]
    private static partial Regex FailedLine();

    [GeneratedRegex(@"Test application process didn't exit gracefully, exit code is '0'")]
    private static partial Regex HostExitedZero();

    [GeneratedRegex(@"^Test run summary: .*\n(?:.*\n)*?\s+failed: (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryFailed();
}
