namespace Expressions.Tests;

[TestClass]
public sealed class ExpressionParserTests
{
    [TestMethod]
    public void RespectsPrecedence() => Assert.AreEqual(14, ExpressionParser.Evaluate("2 + 3 * 4"));

    [TestMethod]
    public void DivisionByZeroThrows() => Assert.ThrowsExactly<DivideByZeroException>(() => ExpressionParser.Evaluate("1 / 0"));

    [TestMethod]
    public void TrailingOperatorIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => ExpressionParser.Evaluate("2 +"));

    [TestMethod]
    public void UnclosedParenthesisIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => ExpressionParser.Evaluate("(1 + 2"));

    [TestMethod]
    public void EmptyInputIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => ExpressionParser.Evaluate("   "));

    [TestMethod]
    public void LoneMinusIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => ExpressionParser.Evaluate("-"));

    [TestMethod]
    public void StrayCharacterIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => ExpressionParser.Evaluate("2 $ 3"));

    [TestMethod]
    public void DecimalsAndNesting() => Assert.AreEqual(2.5, ExpressionParser.Evaluate("((1.5 + 3.5)) / 2"));
}
