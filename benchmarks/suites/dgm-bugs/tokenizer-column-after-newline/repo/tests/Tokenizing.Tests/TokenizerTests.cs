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
    public void Tokenize_ReadsStringEscapes()
    {
        var token = Tokenizer.Tokenize("say \"a\\\"b\\n\"").Last();
        Assert.AreEqual(TokenKind.String, token.Kind);
        Assert.AreEqual("a\"b\n", token.Text);
    }

    [TestMethod]
    public void Tokenize_SkipsComments() =>
        CollectionAssert.AreEqual(new[] { "x", "y" }, Tokenizer.Tokenize("x # the x\ny # and y").Select(t => t.Text).ToArray());

    [TestMethod]
    public void Tokenize_ColumnsRestartOnEachLine() =>
        Assert.AreEqual("let@1:1 x@1:5 =@1:7 1@1:9 print@2:1 x@2:7", Describe(Tokenizer.Tokenize("let x = 1\nprint x")));
}
