using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgm.Agent.Repair;

/// <summary>
/// Reproducers a repair starts from when no visible test fails: the problem statement written as failing tests.
/// Examples: a fenced C# example's statement whose comment says "expected V" (a literal) becomes an assertion
/// after the statements before it; with throw examples, "`Type.Call()` throws X" becomes an expected exception
/// (another exception type the problem names) or a call that must not throw. Claims: a sentence of the
/// statement that says what a standalone expression gives, "`Type.Call(x)` returns V instead of W", becomes
/// an assertion of W; with stated values negated, "`Type.Call(x)` returns true" (said of a bug) becomes an
/// assertion that it does not. Assertions: an assertion the statement quotes whole (a failing test's message ends
/// with it) becomes a test again, in a copy of the quoted test's class without its tests, so its fixtures are in scope.
/// </summary>
public static partial class Reproduce
{
    /// <summary>Writes up to <paramref name="maxTests"/> tests as ProblemStatementExamples.cs next to the first MSTest class of the repository's tests.</summary>
    public static Reproducers.Reproducer Examples(bool throwExamples, int maxTests) =>
        (repo, problem) => Write(repo, "ProblemStatementExamples", [.. Examples(problem, throwExamples).Distinct().Take(maxTests)]);

    /// <summary>Writes up to <paramref name="maxTests"/> tests of the statement's claims as ProblemStatementClaims.cs.</summary>
    public static Reproducers.Reproducer Claims(bool negateStated, int maxTests) =>
        (repo, problem) => Write(repo, "ProblemStatementClaims", [.. Claims(problem, negateStated).Distinct().Take(maxTests)]);

    /// <summary>
    /// Writes up to <paramref name="maxTests"/> of the assertions the statement quotes whole as ProblemStatementAssertions.cs
    /// beside the test class the statement names before each; with <paramref name="classMembers"/>, each class's copy
    /// keeps the original's fields, properties, helpers and set-up (not its tests), so an assertion may use them.
    /// </summary>
    public static Reproducers.Reproducer Assertions(bool classMembers, int maxTests) =>
        (repo, problem) => WriteAssertions(repo, problem, classMembers, maxTests);

    private static IReadOnlyList<string> WriteAssertions(string repo, string problem, bool classMembers, int maxTests)
    {
        var files = TestFiles(repo).Select(f => (Path: f, Unit: CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetCompilationUnitRoot())).ToList();
        (string Path, CompilationUnitSyntax Unit)? file = null;
        var classes = new List<(ClassDeclarationSyntax Original, List<string> Tests)>();
        foreach (var (assertion, named) in QuotedAssertions(problem))
        {
            if (classes.Sum(c => c.Tests.Count) >= maxTests)
            {
                break;
            }

            // One file, with the first class's usings and namespace: classes of other files are left out.
            var found = files.SelectMany(f => f.Unit.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.ValueText == named).Select(c => (Class: c, File: f))).FirstOrDefault();
            if (found.Class is null || file is { } chosen && chosen.Path != found.File.Path
                || !InScope(assertion, Fixtures(found.Class).SelectMany(MemberNames).ToHashSet(StringComparer.Ordinal), classMembers))
            {
                continue;
            }

            file = found.File;
            var tests = classes.FirstOrDefault(c => c.Original == found.Class).Tests;
            if (tests is null)
            {
                tests = [];
                classes.Add((found.Class, tests));
            }

            if (!tests.Contains(assertion.ToString()))
            {
                tests.Add(assertion.ToString());
            }
        }

        var path = file is { } written ? Path.Combine(Path.GetDirectoryName(written.Path)!, "ProblemStatementAssertions.cs") : null;
        if (path is null || File.Exists(path))
        {
            return [];
        }

        var text = new StringBuilder();
        foreach (var directive in file!.Value.Unit.Usings)
        {
            text.AppendLine(directive.ToString());
        }

        var ns = file.Value.Unit.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        text.AppendLine(ns is null ? "" : $"namespace {ns};\n");
        var number = 0;
        foreach (var (original, tests) in classes)
        {
            var name = original.Identifier.ValueText + "Reproduced";
            var members = (classMembers ? Fixtures(original) : [])
                .Select(m => (m is ConstructorDeclarationSyntax constructor ? constructor.WithIdentifier(SyntaxFactory.Identifier(name)) : m).ToFullString().TrimEnd())
                .Concat(tests.Select((test, i) => $"    [TestMethod]\n    public void Quoted{number + i + 1}()\n    {{\n        {test};\n    }}"))
                .ToList();
            number += tests.Count;
            text.AppendLine("[TestClass]").AppendLine($"public sealed class {name}{original.BaseList?.WithoutTrivia().ToString().Insert(0, " ")}").AppendLine("{")
                .AppendLine(string.Join("\n\n", members)).AppendLine("}").AppendLine();
        }

        File.WriteAllText(path, text.ToString().TrimEnd() + "\n");
        return [path];
    }

    /// <summary>Each assertion the statement quotes whole (it parses as one call), with the class of the test named last before it ("`Class.Method`").</summary>
    private static IEnumerable<(InvocationExpressionSyntax Assertion, string Class)> QuotedAssertions(string problem)
    {
        foreach (Match start in AssertionStart().Matches(problem))
        {
            var end = Balanced(problem, start.Index + start.Length);
            var named = TestName().Matches(problem[..start.Index]).LastOrDefault();
            if (end < 0 || named is null)
            {
                continue;
            }

            var text = problem[start.Index..end];
            if (SyntaxFactory.ParseExpression(text) is InvocationExpressionSyntax call && !call.ContainsDiagnostics && call.FullSpan.Length == text.Length)
            {
                yield return (call, named.Groups[1].Value);
            }
        }
    }

    /// <summary>The index just past the parenthesis that closes the one before <paramref name="from"/>, or -1 when the line ends (or is cut short) first.</summary>
    private static int Balanced(string text, int from)
    {
        var depth = 1;
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '…')
            {
                return -1;
            }

            if (quote is { } q)
            {
                i += c == '\\' ? 1 : 0;
                quote = c == q ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if ((depth += c == '(' ? 1 : c == ')' ? -1 : 0) == 0)
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>A test class's members other than its tests: fields, properties, helpers, constructors and set-up.</summary>
    private static IEnumerable<MemberDeclarationSyntax> Fixtures(ClassDeclarationSyntax type) =>
        type.Members.Where(m => m is not MethodDeclarationSyntax method || !method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "TestMethod" or "DataTestMethod" or "DataRow" or "DynamicData"));

    private static IEnumerable<string> MemberNames(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        PropertyDeclarationSyntax property => [property.Identifier.ValueText],
        MethodDeclarationSyntax method => [method.Identifier.ValueText],
        _ => [],
    };

    /// <summary>Whether every name the assertion starts from is in scope: a member of the class when they are copied (never when not), a type (upper case), or the assertion's own lambda parameter.</summary>
    private static bool InScope(InvocationExpressionSyntax assertion, IReadOnlySet<string> members, bool copied)
    {
        var own = assertion.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText)
            .Concat(assertion.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText))
            .ToHashSet(StringComparer.Ordinal);
        return assertion.DescendantNodes().OfType<IdentifierNameSyntax>().All(n =>
            n.Parent is MemberAccessExpressionSyntax access && access.Name == n
            || n.Parent is NameColonSyntax or NameEqualsSyntax
            || n.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == n
            || (members.Contains(n.Identifier.ValueText) ? copied : n.Identifier.ValueText is [var first, ..] && !char.IsLower(first) || own.Contains(n.Identifier.ValueText)));
    }

    private static IEnumerable<string> TestFiles(string repo) =>
        Directory.EnumerateFiles(repo, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Where(f => File.ReadAllText(f).Contains("[TestClass]", StringComparison.Ordinal));

    private static IReadOnlyList<string> Write(string repo, string className, IReadOnlyList<string> tests)
    {
        var model = TestFiles(repo).FirstOrDefault();
        var path = model is null ? null : Path.Combine(Path.GetDirectoryName(model)!, className + ".cs");
        if (tests.Count == 0 || path is null || File.Exists(path))
        {
            return [];
        }

        var unit = CSharpSyntaxTree.ParseText(File.ReadAllText(model!)).GetCompilationUnitRoot();
        var text = new StringBuilder();
        foreach (var directive in unit.Usings)
        {
            text.AppendLine(directive.ToString());
        }

        var ns = unit.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        text.AppendLine(ns is null ? "" : $"namespace {ns};\n").AppendLine("[TestClass]").AppendLine($"public sealed class {className}").AppendLine("{");
        for (var i = 0; i < tests.Count; i++)
        {
            text.AppendLine("    [TestMethod]").AppendLine($"    public void Example{i + 1}()").AppendLine("    {").Append(tests[i]).AppendLine("    }").AppendLine();
        }

        File.WriteAllText(path, text.ToString().TrimEnd() + "\n}\n");
        return [path];
    }

    /// <summary>Test bodies: a fenced example's statements up to one whose comment says what it should give; a `call` said to throw.</summary>
    private static IEnumerable<string> Examples(string problem, bool throwExamples)
    {
        foreach (Match block in Fenced().Matches(problem))
        {
            var setup = new StringBuilder();
            var statements = CSharpSyntaxTree.ParseText(block.Groups[1].Value)
                .GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement);
            foreach (var statement in statements)
            {
                if (statement.ContainsDiagnostics || !IsStatement(statement))
                {
                    continue;
                }

                var comment = statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)).ToString();
                var expected = Expected().Match(comment);
                if (expected.Success && statement is ExpressionStatementSyntax { Expression: var actual } && Literal(expected.Groups[1].Value.Trim()) is { } value)
                {
                    yield return setup + "        " + Assertion(value, actual.ToString()) + "\n";
                }

                setup.Append("        ").Append(statement.WithoutTrivia().ToString()).Append('\n');
            }
        }

        if (!throwExamples)
        {
            yield break;
        }

        // "`Stack.Pop()` throws `IndexOutOfRangeException`": another exception type named in the problem is the one expected; none named: it should not throw.
        var types = ExceptionName().Matches(problem).Select(m => m.Value).Distinct().ToList();
        foreach (Match thrown in Throws().Matches(problem))
        {
            var call = SyntaxFactory.ParseExpression(thrown.Groups[1].Value);
            // The call must stand alone: a type's static member or a new object, not a variable of the example.
            var start = call.DescendantNodesAndSelf().LastOrDefault(n => n is InvocationExpressionSyntax or MemberAccessExpressionSyntax) switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                InvocationExpressionSyntax invocation => invocation.Expression,
                _ => null,
            };
            if (call.ContainsDiagnostics || call is not InvocationExpressionSyntax || start is IdentifierNameSyntax { Identifier.ValueText: [var first, ..] } && char.IsLower(first))
            {
                continue;
            }

            var wrong = ExceptionName().Match(problem, thrown.Index + thrown.Length) is { Success: true } m && m.Index - (thrown.Index + thrown.Length) < 12 ? m.Value : null;
            var right = types.FirstOrDefault(t => t != wrong);
            yield return right is null ? $"        {call};\n" : $"        Assert.ThrowsExactly<{right}>(() => {call});\n";
        }
    }

    /// <summary>Test bodies: "`expression` returns V instead of W" asserts W; a stated V alone, negated, asserts it is not V.</summary>
    private static IEnumerable<string> Claims(string problem, bool negateStated)
    {
        foreach (Match claim in Claim().Matches(problem))
        {
            var actual = SyntaxFactory.ParseExpression(claim.Groups["expression"].Value);
            var stated = Literal(claim.Groups["stated"].Value.Trim('`'));
            var expected = Meant().Match(claim.Groups["rest"].Value) is { Success: true } meant ? Literal(meant.Groups[1].Value.Trim('`')) : null;
            if (actual.ContainsDiagnostics || !Standalone(actual) || stated is null || stated == expected)
            {
                continue;
            }

            if (expected is not null)
            {
                yield return $"        {Assertion(expected, actual.ToString())}\n";
            }
            else if (negateStated)
            {
                yield return "        " + (stated switch
                {
                    "true" => $"Assert.IsFalse({actual});",
                    "false" => $"Assert.IsTrue({actual});",
                    "null" => $"Assert.IsNotNull({actual});",
                    _ => $"Assert.AreNotEqual({stated}, {actual});",
                }) + "\n";
            }
        }
    }

    /// <summary>
    /// Whether the expression stands alone in a test: it calls or creates something, starts at a type's static member
    /// or a new object, and names no variable of the statement's prose (a lower-case identifier).
    /// </summary>
    private static bool Standalone(ExpressionSyntax expression)
    {
        var root = expression;
        var accessed = false;
        while (root is MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax)
        {
            accessed |= root is MemberAccessExpressionSyntax;
            root = root switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                InvocationExpressionSyntax invocation => invocation.Expression,
                _ => ((ElementAccessExpressionSyntax)root).Expression,
            };
        }

        var variables = expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n =>
            !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n) && n.Parent is not NameColonSyntax
            && n.Identifier.ValueText is [var first, ..] && char.IsLower(first));
        var calls = expression.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
        return calls && !variables && (root is BaseObjectCreationExpressionSyntax || accessed && root is IdentifierNameSyntax { Identifier.ValueText: [var c, ..] } && char.IsUpper(c));
    }

    private static bool IsStatement(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax
        || statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax or AssignmentExpressionSyntax or ObjectCreationExpressionSyntax };

    /// <summary>The expected value when it is a plain literal (a number, text, a character, true, false or null).</summary>
    private static string? Literal(string text)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        var inner = expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negated ? negated.Operand : expression;
        return !expression.ContainsDiagnostics && expression.FullSpan.Length == text.Length && inner is LiteralExpressionSyntax ? text : null;
    }

    private static string Assertion(string expected, string actual) => expected switch
    {
        "true" => $"Assert.IsTrue({actual});",
        "false" => $"Assert.IsFalse({actual});",
        "null" => $"Assert.IsNull({actual});",
        _ => $"Assert.AreEqual({expected}, {actual});",
    };

    [GeneratedRegex(@"```(?:csharp|cs|c#)[^\n]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"\bexpected:?\s+(.+?)\s*(?:[,;]\s*(?:actual|but|got)\b.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Expected();

    [GeneratedRegex(@"`([^`\n]+\))`\s+throws\b")]
    private static partial Regex Throws();

    /// <summary>A value as a problem statement writes it: in backticks, quoted, a number, true, false or null.</summary>
    private const string Value = @"(`[^`\n]+`|""[^""\n]*""|-?\d+(?:\.\d+)?[mMdDfF]?(?!\w|\.\d)|true\b|false\b|null\b)";

    [GeneratedRegex(@"`(?<expression>[^`\n]+)`\s+(?:returns|gives|is|yields|prints|reports|evaluates to)\s+(?<stated>" + Value + @")(?<rest>[^.\n]*(?:\.\d[^.\n]*)*)")]
    private static partial Regex Claim();

    [GeneratedRegex(@"\b(?:instead of|rather than|should be|should return|I expect|expected)\s+" + Value, RegexOptions.IgnoreCase)]
    private static partial Regex Meant();

    [GeneratedRegex(@"\b(?:Assert|CollectionAssert|StringAssert)\.\w+(?:<[^()\n]*>)?\(")]
    private static partial Regex AssertionStart();

    /// <summary>A test named in backticks, "`Class.Method`" (or with its namespace): the class.</summary>
    [GeneratedRegex(@"`(?:\w+\.)*(\w+)\.\w+`")]
    private static partial Regex TestName();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionName();
}
