using System.Globalization;

namespace DenseMatrices.Tests;

[TestClass]
public sealed class MatrixTests
{
    private static T InCulture<T>(string name, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestMethod]
    public void Multiply_ComputesProduct()
    {
        var a = new Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = new Matrix(new double[,] { { 5 }, { 6 } });
        Assert.AreEqual(new Matrix(new double[,] { { 17 }, { 39 } }), a * b);
    }

    [TestMethod]
    public void Multiply_ByIdentityKeepsMatrix()
    {
        var a = new Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.AreEqual(a, a * Matrix.Identity(3));
    }

    [TestMethod]
    public void Transpose_SwapsRowsAndColumns()
    {
        var t = new Matrix(new double[,] { { 1, 2, 3 } }).Transpose();
        Assert.AreEqual(3, t.Rows);
        Assert.AreEqual(1, t.Columns);
        Assert.AreEqual(3.0, t[2, 0]);
    }

    [TestMethod]
    public void Parse_ReadsRows()
    {
        var m = InCulture("en-US", () => Matrix.Parse("[1.5, 2; 3, 4.25]"));
        Assert.AreEqual(new Matrix(new double[,] { { 1.5, 2 }, { 3, 4.25 } }), m);
    }

    [TestMethod]
    public void Parse_SameValuesInGermanCulture()
    {
        var m = InCulture("de-DE", () => Matrix.Parse("[1.5, 2; 3, 4.25]"));
        Assert.AreEqual(1.5, m[0, 0]);
        Assert.AreEqual(4.25, m[1, 1]);
    }

    [TestMethod]
    public void Multiply_RejectsMismatchedSizes() =>
        Assert.ThrowsExactly<ArgumentException>(() => Matrix.Identity(2) * Matrix.Identity(3));

    [TestMethod]
    public void Parse_RejectsRaggedRows() =>
        Assert.ThrowsExactly<FormatException>(() => InCulture("en-US", () => Matrix.Parse("[1, 2; 3]")));

    [TestMethod]
    public void Parse_RejectsMissingBrackets() =>
        Assert.ThrowsExactly<FormatException>(() => InCulture("en-US", () => Matrix.Parse("1, 2; 3, 4")));

    [TestMethod]
    public void Parse_SameValuesInFrenchCulture()
    {
        var m = InCulture("fr-FR", () => Matrix.Parse("[0.125, -2.5]"));
        Assert.AreEqual(new Matrix(new double[,] { { 0.125, -2.5 } }), m);
    }

    [TestMethod]
    public void Parse_ReadsExponentNotation()
    {
        var m = InCulture("de-DE", () => Matrix.Parse("[1E-05, 2.5E+20]"));
        Assert.AreEqual(1e-5, m[0, 0]);
        Assert.AreEqual(2.5e20, m[0, 1]);
    }

    [TestMethod]
    public void RoundTrip_AcrossCultures()
    {
        var original = new Matrix(new double[,] { { 3.25, -0.5 } });
        string text = InCulture("fr-FR", () => original.ToString());
        Assert.AreEqual(original, InCulture("en-US", () => Matrix.Parse(text)));
    }
}
