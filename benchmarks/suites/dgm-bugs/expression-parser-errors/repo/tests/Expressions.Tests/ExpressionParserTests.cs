namespace Expressions.Tests;

[TestClass]
public sealed class ExpressionParserTests
{
    [TestMethod]
    public void RespectsPrecedence() => Assert.AreEqual(14, ExpressionParser.Evaluate("2 + 3 * 4"));

    [TestMethod]
    public void ParenthesesAndUnaryMinus() => Assert.AreEqual(-20, ExpressionParser.Evaluate("-(2 + 3) * 4"));

    [TestMethod]
    public void DivisionByZeroThrows() => Assert.ThrowsExactly<DivideByZeroException>(() => ExpressionParser.Evaluate("1 / 0"));

    [TestMethod]
    public void TrailingOperatorIsAFormatError() => Assert.ThrowsExactly<FormatException>(() => ExpressionParser.Evaluate("2 +"));
}
