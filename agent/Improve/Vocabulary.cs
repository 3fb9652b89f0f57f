using Microsoft.CodeAnalysis.CSharp;

namespace Dgm.Agent.Improve;

/// <summary>
/// A parameter of a family's call: a hole in it and the values that may fill it: C# code, or (Quoted) text
/// written as string literals; a Subset keeps each choice with probability 0.7, at least two, in order.
/// </summary>
public sealed record Parameter(string Hole, IReadOnlyList<string> Choices, bool Subset = false, bool Quoted = false)
{
    public string Sample(Random random)
    {
        if (!Subset)
        {
            return Code(Choices[random.Next(Choices.Count)]);
        }

        var kept = Choices.Where(_ => random.NextDouble() < 0.7).ToList();
        kept.AddRange(Choices.Except(kept).Take(Math.Max(0, 2 - kept.Count)));
        return string.Join(", ", Choices.Where(kept.Contains).Select(Code));
    }

    private string Code(string choice) => Quoted ? SymbolDisplay.FormatLiteral(choice, quote: true) : choice;
}

/// <summary>
/// A family of repair operators (or, owned by Reproducers, of reproducers): a call of a primitive in
/// Repair/Rewrites (Repair/Reproduce) with holes its parameters fill, the cause it addresses, and the words
/// in a failure's problem statement or failing tests that point at it (a `symptom:` word is one of what the
/// failure messages show, Improve/Symptoms.cs).
/// </summary>
public sealed record Family(string Name, string Cause, IReadOnlyList<string> Evidence, string Call, IReadOnlyList<Parameter> Parameters, string Owner = "Operators")
{
    /// <summary>The call with every hole filled, and the values drawn.</summary>
    public (string Code, string Values) Render(Random random)
    {
        var code = Call;
        var values = new List<string>();
        foreach (var parameter in Parameters)
        {
            var value = parameter.Sample(random);
            code = code.Replace("{" + parameter.Hole + "}", value, StringComparison.Ordinal);
            values.Add($"{parameter.Hole} = {value}");
        }

        return System.Text.RegularExpressions.Regex.IsMatch(code, @"\{[A-Z_]+\}")
            ? throw new InvalidOperationException($"the family '{Name}' has a hole no parameter fills")
            : (code, string.Join("; ", values));
    }
}

/// <summary>
/// What offline self-improvement composes operators from: the families of rewrites, each with its evidence.
/// A new family is one entry here (and its primitive in Repair/Rewrites).
/// </summary>
public static class Vocabulary
{
    public static IReadOnlyList<Family> Operators { get; } =
    [
        new("null-conditional", "null handling: a value asserted non-null with `!` is null for some inputs",
            ["null", "NullReferenceException", "KeyNotFoundException", "missing", "empty string", "empty list", "unknown", "no entry", "symptom:null"],
            "Rewrites.NullSafe([{DEFAULTS}], nullableBools: {NULLABLE_BOOLS})",
            [new("DEFAULTS", ["\"\"", "[]", "0", "false", "default"], Subset: true, Quoted: true), new("NULLABLE_BOOLS", ["true", "false"])]),
        new("invariant-culture", "culture: text formatted or parsed with the machine's culture where a fixed format is expected",
            ["culture", "CultureInfo", "locale", "regional", "decimal separator", "German", "French", "Turkish", "tr-TR", "de-DE", "fr-FR", "invariant", "symptom:number-format"],
            "Rewrites.Invariant(wholeType: {WHOLE_TYPE}, toStringArguments: {TOSTRING_ARGUMENTS})",
            [new("WHOLE_TYPE", ["true", "false"]), new("TOSTRING_ARGUMENTS", ["0", "1"])]),
        new("exception-type", "exceptions: a failure thrown (or caught) as the wrong exception type",
            ["ArgumentException", "ArgumentOutOfRangeException", "ArgumentNullException", "InvalidOperationException", "FormatException", "exception type", "wrong exception", "rolled back", "catch", "symptom:exception-type"],
            "Rewrites.Exceptions([{TYPES}], wholeType: {WHOLE_TYPE})",
            [new("TYPES", ["ArgumentException", "ArgumentOutOfRangeException", "ArgumentNullException", "InvalidOperationException", "FormatException", "KeyNotFoundException", "NotSupportedException"], Subset: true, Quoted: true), new("WHOLE_TYPE", ["true", "false"])]),
        new("swap-identifier", "wrong variables: a value read from a variable where another variable in scope was meant",
            ["instead of", "wrong", "the other", "its own", "as if", "different", "longer", "too large", "too small", "symptom:off-by-constant", "symptom:wrong-number"],
            "Rewrites.SwapVariable(withMembers: {WITH_MEMBERS}, nearest: {NEAREST})",
            [new("WITH_MEMBERS", ["true", "false"]), new("NEAREST", ["3", "5", "int.MaxValue"])]),
        new("copy-statement", "missing statements: a member forgets an update of the object's state that its siblings make",
            ["missing from", "does not list", "not removed", "still", "stays", "keeps", "keep showing", "forever", "never", "forgets", "no longer", "is gone", "symptom:zero", "symptom:count", "symptom:text-missing-part", "symptom:no-exception"],
            "Rewrites.CopyStatement(flipSign: {FLIP_SIGN}, everyPosition: {EVERY_POSITION})",
            [new("FLIP_SIGN", ["true", "false"]), new("EVERY_POSITION", ["true", "false"])]),
        new("binary-operator", "wrong operators: another arithmetic, bitwise or comparison operator was meant",
            ["multipl", "divid", "remainder", "modulo", "bitwise", "flag", "mask", "greater", "less than", "at least", "at most", "exceeds", "inclusive", "exclusive", "symptom:condition-inverted", "symptom:scaled", "symptom:off-by-constant"],
            "Rewrites.Binary({PAIRS})",
            [new("PAIRS", ["(\"*\", \"/\")", "(\"/\", \"*\")", "(\"%\", \"/\")", "(\"&\", \"|\")", "(\"|\", \"&\")", "(\"^\", \"|\")", "(\"<\", \">\")", "(\">\", \"<\")", "(\"<=\", \">=\")", "(\">=\", \"<=\")", "(\"*\", \"+\")", "(\"+\", \"*\")"], Subset: true)]),
        new("string-method", "wrong text operations: another string method (ends for starts, last for first, case, trimming, padding) was meant",
            ["prefix", "suffix", "starts with", "ends with", "upper", "lower", "case", "whitespace", "trailing", "leading", "padding", "last occurrence", "first occurrence", "symptom:text-case", "symptom:text-whitespace", "symptom:text-missing-part", "symptom:text-extra-part", "symptom:text-differs"],
            "Rewrites.Method({PAIRS})",
            [new("PAIRS", ["(\"StartsWith\", \"EndsWith\")", "(\"EndsWith\", \"StartsWith\")", "(\"IndexOf\", \"LastIndexOf\")", "(\"LastIndexOf\", \"IndexOf\")", "(\"ToUpper\", \"ToLower\")", "(\"ToLower\", \"ToUpper\")", "(\"TrimStart\", \"TrimEnd\")", "(\"TrimEnd\", \"TrimStart\")", "(\"Trim\", \"TrimEnd\")", "(\"PadLeft\", \"PadRight\")", "(\"PadRight\", \"PadLeft\")"], Subset: true)]),
        new("collection-method", "wrong collection operations: another LINQ or collection method was meant",
            ["duplicate", "twice", "distinct", "unique", "sum", "total", "average", "largest", "smallest", "single", "while", "until", "combined", "symptom:count", "symptom:wrong-number"],
            "Rewrites.Method({PAIRS})",
            [new("PAIRS", ["(\"Single\", \"First\")", "(\"SingleOrDefault\", \"FirstOrDefault\")", "(\"Concat\", \"Union\")", "(\"Union\", \"Concat\")", "(\"Sum\", \"Max\")", "(\"Average\", \"Sum\")", "(\"TakeWhile\", \"SkipWhile\")", "(\"SkipWhile\", \"TakeWhile\")", "(\"Count\", \"Sum\")", "(\"Append\", \"Prepend\")", "(\"Prepend\", \"Append\")"], Subset: true)]),
        new("literal-shift", "wrong constants: a number off by more than one (a limit, a size, a factor)",
            ["limit", "capacity", "maximum", "minimum", "size", "too many", "too few", "factor", "times", "percent", "symptom:off-by-constant", "symptom:wrong-number"],
            "Rewrites.Literal({DELTAS})",
            [new("DELTAS", ["2", "-2", "10", "-10", "100"], Subset: true)]),
        new("flip-boolean", "wrong flags: a true that should be false, or the reverse",
            ["true", "false", "flag", "enabled", "disabled", "default", "should be", "instead", "symptom:condition-inverted"],
            "Rewrites.Flip()", []),
        new("remove-statement", "extra statements: something done that should not be (twice, too early, at all)",
            ["should not", "must not", "extra", "twice", "again", "duplicate", "too early", "stops early", "also", "still", "symptom:text-extra-part", "symptom:unexpected-exception", "symptom:count"],
            "Rewrites.Remove({KINDS})",
            [new("KINDS", ["expression", "break", "continue", "return", "throw"], Subset: true, Quoted: true)]),
        new("swap-arguments", "swapped arguments: two values passed in each other's place",
            ["swapped", "order of", "reversed", "backwards", "the other way", "mixed up", "transposed", "symptom:sign"],
            "Rewrites.SwapArguments()", []),
        new("unary", "turned operations: an increment for a decrement, a negation too many, a condition's branches the wrong way round",
            ["increment", "decrement", "sign", "negative", "opposite", "inverted", "reversed", "backwards", "upside down", "symptom:sign", "symptom:condition-inverted", "symptom:out-of-range"],
            "Rewrites.Unary()", []),
    ];

    /// <summary>Reproducers: ways to write a failing test from the problem statement when no visible test fails.</summary>
    public static IReadOnlyList<Family> Reproducers { get; } =
    [
        new("problem-examples", "no visible test fails, so offline repair has nothing to start from (the problem statement shows what should happen)",
            ["```csharp", "expected", "actual", "throws"],
            "Reproduce.Examples(throwExamples: {THROW_EXAMPLES}, maxTests: {MAX_TESTS})",
            [new("THROW_EXAMPLES", ["true", "false"]), new("MAX_TESTS", ["3", "6", "10"])], Owner: "Reproducers"),
        new("problem-claims", "no visible test fails, so offline repair has nothing to start from (the problem statement says what a call gives)",
            ["returns", "instead of", "gives", "is true", "is false", "I expect", "should be"],
            "Reproduce.Claims(negateStated: {NEGATE_STATED}, maxTests: {MAX_TESTS})",
            [new("NEGATE_STATED", ["true", "false"]), new("MAX_TESTS", ["2", "4", "8"])], Owner: "Reproducers"),
        new("problem-assertions", "no visible test fails, so offline repair has nothing to start from (the problem statement quotes a failing test's assertion)",
            ["Assert.", "Assertion failed", "expected:", "actual:", "fails", "failing"],
            "Reproduce.Assertions(classMembers: {CLASS_MEMBERS}, maxTests: {MAX_TESTS})",
            [new("CLASS_MEMBERS", ["true", "false"]), new("MAX_TESTS", ["1", "3", "6"])], Owner: "Reproducers"),
    ];
}
