using System.Globalization;
using System.Text.RegularExpressions;

namespace Dgm.Agent.Improve;

/// <summary>
/// What failing tests' messages show about a bug, read from a failure's problem statement and its logged failures
/// (MSTest's, xUnit's and the legacy `Expected:&lt;x&gt;. Actual:&lt;y&gt;.` forms): a sign turned, a number off by one or
/// scaled, a condition the wrong way round, text that differs only in case or whitespace, a missing part, a wrong
/// exception type, none thrown. Each is a word (`symptom:sign`) the vocabulary's evidence lists name, so the diagnosis
/// can point a failure at an operator family from what went wrong, where the prose names nothing.
/// </summary>
public static partial class Symptoms
{
    public const string Prefix = "symptom:";

    /// <summary>The symptoms of every failure message in the text, each once.</summary>
    public static IReadOnlySet<string> Of(string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in QuotedPair().Matches(text))
        {
            found.Add(Texts(Unquote(m.Groups["e"].Value), Unquote(m.Groups["a"].Value)));
        }

        foreach (var m in ValuePair().Matches(text).Concat(LegacyPair().Matches(text)))
        {
            if (Compare(m.Groups["e"].Value.Trim(), m.Groups["a"].Value.Trim()) is { } symptom)
            {
                found.Add(symptom);
            }
        }

        Add(found, Condition().IsMatch(text), "condition-inverted");
        Add(found, Count().IsMatch(text), "count");
        Add(found, NoneThrown().IsMatch(text), "no-exception");
        Add(found, WrongType().IsMatch(text), "exception-type");
        foreach (var type in Thrown().Matches(text).Select(m => m.Groups["type"].Value).Where(t => !Assertion().IsMatch(t)))
        {
            found.Add(Prefix + (type switch
            {
                "NullReferenceException" or "KeyNotFoundException" => "null",
                "IndexOutOfRangeException" or "ArgumentOutOfRangeException" => "out-of-range",
                _ => "unexpected-exception",
            }));
        }

        return found;
    }

    /// <summary>Two values, as the failure printed them: booleans, numbers, anything else (not a symptom).</summary>
    private static string? Compare(string expected, string actual)
    {
        if (bool.TryParse(expected, out var e) && bool.TryParse(actual, out var a))
        {
            return e != a ? Prefix + "condition-inverted" : null;
        }

        if (!Number(expected, out var x) || !Number(actual, out var y) || x == y)
        {
            return null;
        }

        var name = y == -x ? "sign"
            : Math.Abs(x - y) == 1 ? "off-by-one"
            : y == 0 ? "zero"
            : x != 0 && (Whole(y / x) || Whole(x / y)) ? "scaled"
            : Whole(x) && Whole(y) ? "off-by-constant"
            : "wrong-number";
        return Prefix + name;
    }

    /// <summary>
    /// Two texts that differ: only in case, only in whitespace, only in how numbers are written (separators), in parts
    /// left out (the actual text is the expected one with characters missing) or added.
    /// </summary>
    private static string Texts(string expected, string actual) => Prefix + (
        string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) ? "text-case"
        : Squeezed(expected) == Squeezed(actual) ? "text-whitespace"
        : NumberDigits().IsMatch(expected) && Numbers(expected) == Numbers(actual) ? "number-format"
        : Within(actual, expected) ? "text-missing-part"
        : Within(expected, actual) ? "text-extra-part"
        : "text-differs");

    /// <summary>Whether <paramref name="part"/>'s characters appear in <paramref name="whole"/> in order (a subsequence).</summary>
    private static bool Within(string part, string whole)
    {
        var at = 0;
        foreach (var c in whole)
        {
            at += at < part.Length && part[at] == c ? 1 : 0;
        }

        return at == part.Length;
    }

    private static string Numbers(string text) => NumberDigits().Replace(text, m => string.Concat(m.Value.Where(char.IsAsciiDigit)));

    private static void Add(SortedSet<string> found, bool seen, string name)
    {
        if (seen)
        {
            found.Add(Prefix + name);
        }
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text.TrimEnd('m', 'M', 'd', 'D', 'f', 'F', 'L'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool Whole(double value) => Math.Abs(value) >= 2 && Math.Abs(value - Math.Round(value)) < 1e-9;

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Unquote(string quoted)
    {
        try
        {
            return Regex.Unescape(quoted[1..^1]);
        }
        catch (ArgumentException)
        {
            return quoted[1..^1];
        }
    }

    // A number written with separators: 1,234.5 or 1 234,5 or 1'234.
    [GeneratedRegex(@"\d[\d.,'\u00a0\u202f ]*\d")]
    private static partial Regex NumberDigits();

    // expected: "a b" actual: "a  b" (MSTest; xUnit prints Expected: "a" on one line and Actual: "b" on the next).
    [GeneratedRegex("""expected:\s+(?<e>"(?:[^"\\]|\\.)*")\s+actual:\s+(?<a>"(?:[^"\\]|\\.)*")""", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedPair();

    // expected: 3 actual: 2 (not "(expected: 38, actual: 30)", the lengths of two texts).
    [GeneratedRegex(@"expected:\s+(?<e>[^\s,()""<>]+)\s+actual:\s+(?<a>[^\s,()""<>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ValuePair();

    [GeneratedRegex(@"Expected:<(?<e>[^>]*)>\.?\s*Actual:<(?<a>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex LegacyPair();

    [GeneratedRegex(@"Expected condition to be (true|false)|Assert\.Is(True|False) failed", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();

    [GeneratedRegex(@"Different number of elements|Expected collection (of size|to contain \d)|collection lengths? (differ|are not equal)", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex(@"no exception was thrown", RegexOptions.IgnoreCase)]
    private static partial Regex NoneThrown();

    [GeneratedRegex(@"Expected exception of (exact )?type \w+ but caught|threw exception \w+, but exception \w+ was expected|Exception type was unexpected", RegexOptions.IgnoreCase)]
    private static partial Regex WrongType();

    // An exception a test ended with, as the test framework reports it ("threw exception: System.X: message") or as the
    // agent's run in memory does ("X: message"); the assertion libraries' own exceptions are the assertions above.
    [GeneratedRegex(@"(?<![\w.])(?:[A-Za-z]\w*\.)*(?<type>[A-Z]\w*Exception): ")]
    private static partial Regex Thrown();

    [GeneratedRegex(@"^(Assert\w*|Equal|NotEqual|True|False|Null|NotNull|Empty|NotEmpty|Contains|DoesNotContain|Throws\w*|Same|NotSame|InRange|Single|Collection|All|Xunit\w*)Exception$")]
    private static partial Regex Assertion();
}
