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

    [TestMethod]
    public void Evaluate_DivisionIsLeftAssociative() => Assert.AreEqual(1.0, Formula.Evaluate("8 / 4 / 2"));

    [TestMethod]
    public void Evaluate_SubtractionThenMultiplication() => Assert.AreEqual(4.0, Formula.Evaluate("10 - 2 * 3"));

    [TestMethod]
    public void Evaluate_PowerBindsTighterThanMultiplication() => Assert.AreEqual(18.0, Formula.Evaluate("2 * 3 ^ 2"));

    [TestMethod]
    public void Evaluate_PowerIsRightAssociative() => Assert.AreEqual(512.0, Formula.Evaluate("2 ^ 3 ^ 2"));

    [TestMethod]
    public void Evaluate_UnaryMinusBindsLooserThanPower() => Assert.AreEqual(-4.0, Formula.Evaluate("-2 ^ 2"));

    [TestMethod]
    public void Evaluate_MixedChain()
    {
        var variables = new Dictionary<string, double> { ["x"] = 3 };
        Assert.AreEqual(20.0, Formula.Evaluate("1 + x * 2 ^ 2 + 7", variables));
    }

    [TestMethod]
    public void Evaluate_NegatedGroup() => Assert.AreEqual(-10.0, Formula.Evaluate("-(2 + 3) * 2"));

    [TestMethod]
    public void Evaluate_NegativeExponent() => Assert.AreEqual(0.5, Formula.Evaluate("2 ^ -1"));

    [TestMethod]
    public void Evaluate_DecimalNumbers() => Assert.AreEqual(3.75, Formula.Evaluate("1.5 + 2.25"));

    [TestMethod]
    public void Evaluate_UnknownVariableThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => Formula.Evaluate("a + 1"));

    [TestMethod]
    public void Evaluate_UnclosedParenthesisThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Formula.Evaluate("(1 + 2"));

    [TestMethod]
    public void Evaluate_UnknownCharacterThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Formula.Evaluate("3 $ 4"));
}
