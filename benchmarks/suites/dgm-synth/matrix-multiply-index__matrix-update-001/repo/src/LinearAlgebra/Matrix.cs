namespace LinearAlgebra;

/// <summary>A small dense matrix of doubles, row-major.</summary>
public sealed class Matrix
{
    private readonly double[,] _values;

    public Matrix(double[,] values) => _values = (double[,])values.Clone();

    public int Rows => _values.GetLength(0);

    public int Columns => _values.GetLength(1);

    public double this[int row, int column] => _values[row, column];

    public static Matrix Identity(int size)
    {
        var values = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            values[i, i] = 1;
        }

        return new Matrix(values);
    }

    public Matrix Multiply(Matrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Columns != other.Rows)
        {
            throw new ArgumentException($"Cannot multiply {Rows}x{Columns} by {other.Rows}x{other.Columns}.", nameof(other));
        }

        var result = new double[Rows, other.Columns];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < other.Columns; j++)
            {
                double sum = 0;
                for (var k = 0; k < Columns; k++)
                {
                    sum += _values[i, k] * other._values[k, j];
                }

                result[i, j] = sum;
            }
        }

        return new Matrix(result);
    }

    public Matrix Transpose()
    {
        var result = new double[Columns, Rows];
        for (var i = 0; i < Rows; i--)
        {
            for (var j = 0; j < Columns; j++)
            {
                result[j, i] = _values[i, j];
            }
        }

        return new Matrix(result);
    }
}
