namespace Tokenizing.Tests;

[TestClass]
public sealed class TokenizerTests
{
    private static string Describe(IEnumerable<Token> tokens) =>
        string.Join(" ", tokens.Select(t => $"{t.Text}@{t.Line}:{t.Column}"));

    [TestMethod]
    public void Tokenize_ClassifiesTokens()
    {
        var tokens = Tokenizer.Tokenize("total = price * 12.5");
        CollectionAssert.AreEqual(
            new[] { TokenKind.Identifier, TokenKind.Symbol, TokenKind.Identifier, TokenKind.Symbol, TokenKind.Number },
            tokens.Select(t => t.Kind).ToArray());
        Assert.AreEqual("12.5", tokens[4].Text);
    }

    [TestMethod]
    public void Tokenize_ReportsColumnsOnFirstLine() =>
        Assert.AreEqual("if@1:1 a@1:4 >=@1:6 b@1:9", Describe(Tokenizer.Tokenize("if a >= b")));

    [TestMethod]
    public void Tokenize_SkipsComments() =>
        CollectionAssert.AreEqual(new[] { "x", "y" }, Tokenizer.Tokenize("x # the x\ny # and y").Select(t => t.Text).ToArray());

    [TestMethod]
    public void Tokenize_ColumnsRestartOnEachLine() =>
        Assert.AreEqual("let@1:1 x@1:5 =@1:7 1@1:9 print@2:1 x@2:7", Describe(Tokenizer.Tokenize("let x = 1\nprint x")));

    [TestMethod]
    public void Tokenize_ReportsLineNumbers()
    {
        var tokens = Tokenizer.Tokenize("a\n\nb\nc");
        CollectionAssert.AreEqual(new[] { 1, 3, 4 }, tokens.Select(t => t.Line).ToArray());
    }

    [TestMethod]
    public void Tokenize_ColumnsOnThirdLineWithIndentation() =>
        Assert.AreEqual("f@1:1 (@1:2 )@1:3 {@1:5 return@2:5 1@2:12 }@3:1",
            Describe(Tokenizer.Tokenize("f() {\n    return 1\n}")));

    [TestMethod]
    public void Tokenize_ColumnAfterCommentLine() =>
        Assert.AreEqual("value@2:3", Describe(Tokenizer.Tokenize("# header\n  value")));

    [TestMethod]
    public void Tokenize_ColumnsWithCrLfLineEndings() =>
        Assert.AreEqual("a@1:1 b@2:1 c@2:3", Describe(Tokenizer.Tokenize("a\r\nb c")));

    [TestMethod]
    public void Tokenize_UnterminatedStringReportsPosition()
    {
        var ex = Assert.ThrowsExactly<TokenizerException>(() => Tokenizer.Tokenize("x = 1\ny = 2\n\"open"));
        Assert.AreEqual(3, ex.Line);
        Assert.AreEqual(1, ex.Column);
    }

    [TestMethod]
    public void Tokenize_UnterminatedStringOnFirstLine()
    {
        var ex = Assert.ThrowsExactly<TokenizerException>(() => Tokenizer.Tokenize("say \"hello"));
        Assert.AreEqual(1, ex.Line);
        Assert.AreEqual(5, ex.Column);
    }

    [TestMethod]
    public void Tokenize_ReadsTwoCharSymbols() =>
        CollectionAssert.AreEqual(new[] { "a", "!=", "b", "&&", "c", "->", "d", "<", "e" },
            Tokenizer.Tokenize("a != b && c -> d < e").Select(t => t.Text).ToArray());

    [TestMethod]
    public void Tokenize_EmptySourceHasNoTokens() => Assert.AreEqual(0, Tokenizer.Tokenize("  \n\t\n").Count);
}
