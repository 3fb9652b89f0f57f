namespace Formulas.Tests;

[TestClass]
public sealed class FormulaTests
{
    [TestMethod]
    public void Evaluate_MultiplicationBeforeAddition() => Assert.AreEqual(10.0, Formula.Evaluate("2 * 3 + 4"));

    [TestMethod]
    public void Evaluate_Parentheses() => Assert.AreEqual(9.0, Formula.Evaluate("(1 + 2) * 3"));

    [TestMethod]
    public void Evaluate_SubtractionIsLeftAssociative() => Assert.AreEqual(3.0, Formula.Evaluate("10 - 4 - 3"));

    [TestMethod]
    public void Evaluate_Variables()
    {
        var variables = new Dictionary<string, double> { ["price"] = 200, ["rate"] = 0.25 };
        Assert.AreEqual(250.0, Formula.Evaluate("price * (1 + rate)", variables));
    }

    [TestMethod]
    public void Evaluate_IncompleteFormulaThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Formula.Evaluate("1 +"));

    [TestMethod]
    public void Evaluate_AdditionThenMultiplication() => Assert.AreEqual(7.0, Formula.Evaluate("1 + 2 * 3"));
}
