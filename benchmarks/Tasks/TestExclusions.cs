using System.Text;
using System.Text.RegularExpressions;

namespace Dgm.Benchmarks.Tasks;

/// <summary>
/// A task's `exclude_tests`: patterns over a test's "Namespace.Class.Method" (`*` any run of characters, `?` one)
/// naming tests that no run of the task includes, such as tests that need the network or a service a sandbox does
/// not have. The harness matches them against the tests the built assembly declares and passes the runner the exact
/// names it matched (MSTest's and NUnit's `--filter`, xUnit v3's `--filter-not-method`), so both grading paths run
/// the same tests and the cross-check expects exactly the others. A FAIL_TO_PASS or PASS_TO_PASS test is never one.
/// </summary>
public static class TestExclusions
{
    /// <summary>Whether any of <paramref name="patterns"/> matches the whole of <paramref name="test"/>.</summary>
    public static bool Matches(IReadOnlyList<string> patterns, string test)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Any(p => Pattern(p).IsMatch(test));
    }

    /// <summary>The declared tests the patterns leave out, those in <paramref name="keep"/> (the tripwire) never.</summary>
    public static IReadOnlySet<string> Excluded(IReadOnlyList<string> patterns, IEnumerable<string> declared, IReadOnlyCollection<string> keep)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var compiled = patterns.Select(Pattern).ToList();
        return declared.Where(t => !keep.Contains(t) && compiled.Any(p => p.IsMatch(t))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The test application's options that leave <paramref name="excluded"/> out (none when it is empty).</summary>
    public static IReadOnlyList<string> RunnerArguments(IReadOnlySet<string> excluded, bool xunit)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        if (excluded.Count == 0)
        {
            return [];
        }

        var names = excluded.Order(StringComparer.Ordinal);
        return xunit
            ? [.. names.SelectMany(n => new[] { "--filter-not-method", n })]
            : ["--filter", string.Join('&', names.Select(n => "FullyQualifiedName!=" + FilterValue(n)))];
    }

    /// <summary>A value in the test-case filter syntax: its operator characters escaped.</summary>
    private static string FilterValue(string name)
    {
        var value = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                value.Append('\\');
            }

            value.Append(c);
        }

        return value.ToString();
    }

    private static Regex Pattern(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
