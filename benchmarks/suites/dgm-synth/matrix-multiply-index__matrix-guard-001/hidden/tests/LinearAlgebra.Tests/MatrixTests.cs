namespace LinearAlgebra.Tests;

[TestClass]
public sealed class MatrixTests
{
    [TestMethod]
    public void IdentityLeavesSymmetricMatrixUnchanged()
    {
        var m = new Matrix(new double[,] { { 2, 1 }, { 1, 3 } });
        var product = m.Multiply(Matrix.Identity(2));
        Assert.AreEqual(3, product[1, 1]);
        Assert.AreEqual(1, product[0, 1]);
    }

    [TestMethod]
    public void TransposeSwapsRowsAndColumns()
    {
        var t = new Matrix(new double[,] { { 1, 2, 3 } }).Transpose();
        Assert.AreEqual(3, t.Rows);
        Assert.AreEqual(3, t[2, 0]);
    }

    [TestMethod]
    public void RejectsMismatchedShapes() =>
        Assert.ThrowsExactly<ArgumentException>(() => new Matrix(new double[2, 3]).Multiply(new Matrix(new double[2, 3])));

    [TestMethod]
    public void MultipliesNonSquareMatrices()
    {
        var a = new Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = new Matrix(new double[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } });
        var p = a.Multiply(b);
        Assert.AreEqual(2, p.Rows);
        Assert.AreEqual(2, p.Columns);
        Assert.AreEqual(58, p[0, 0]);
        Assert.AreEqual(64, p[0, 1]);
        Assert.AreEqual(139, p[1, 0]);
        Assert.AreEqual(154, p[1, 1]);
    }

    [TestMethod]
    public void MultipliesNonSymmetricSquareMatrices()
    {
        var a = new Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = new Matrix(new double[,] { { 0, 1 }, { 0, 0 } });
        var p = a.Multiply(b);
        Assert.AreEqual(1, p[0, 1]);
        Assert.AreEqual(3, p[1, 1]);
        Assert.AreEqual(0, p[0, 0]);
    }

    [TestMethod]
    public void ProductTransposeIsReversedProductOfTransposes()
    {
        var a = new Matrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var b = new Matrix(new double[,] { { 1, 0, 2 }, { 0, 1, 3 } });
        var left = a.Multiply(b).Transpose();
        var right = b.Transpose().Multiply(a.Transpose());
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.AreEqual(left[i, j], right[i, j]);
            }
        }
    }

    [TestMethod]
    public void RowVectorTimesColumnVector() =>
        Assert.AreEqual(32, new Matrix(new double[,] { { 1, 2, 3 } }).Multiply(new Matrix(new double[,] { { 4 }, { 5 }, { 6 } }))[0, 0]);
}
