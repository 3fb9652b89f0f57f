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
}
