using System.Globalization;
using System.Text;

namespace DenseMatrices;

/// <summary>
/// A small dense matrix of doubles. Its text form lists rows separated by ';' and values separated
/// by ',', e.g. "[1, 2.5; 3, 4]". The text form is the same in every culture, so it can be stored in
/// files and read back on any machine.
/// </summary>
public sealed class Matrix : IEquatable<Matrix>
{
    private readonly double[,] _values;

    public Matrix(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) == 0 || values.GetLength(1) == 0)
        {
            throw new ArgumentException("A matrix needs at least one row and one column.", nameof(values));
        }

        _values = (double[,])values.Clone();
    }

    public int Rows => _values.GetLength(0);

    public int Columns => _values.GetLength(1);

    public double this[int row, int column] => _values[row, column];

    public static Matrix Identity(int size)
    {
        var values = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            values[i, i] = 1;
        }

        return new Matrix(values);
    }

    public Matrix Transpose()
    {
        var result = new double[Columns, Rows];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                result[c, r] = _values[r, c];
            }
        }

        return new Matrix(result);
    }

    public static Matrix operator *(Matrix left, Matrix right)
    {
        if (left.Columns != right.Rows)
        {
            throw new ArgumentException($"Cannot multiply {left.Rows}x{left.Columns} by {right.Rows}x{right.Columns}.");
        }

        var result = new double[left.Rows, right.Columns];
        for (int r = 0; r < left.Rows; r++)
        {
            for (int c = 0; c < right.Columns; c++)
            {
                double sum = 0;
                for (int k = 0; k < left.Columns; k++)
                {
                    sum += left._values[r, k] * right._values[k, c];
                }

                result[r, c] = sum;
            }
        }

        return new Matrix(result);
    }

    public static Matrix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            throw new FormatException($"'{text}' is not enclosed in brackets.");
        }

        string[] rows = trimmed[1..^1].Split(';');
        double[][] cells = rows.Select(row => row.Split(',').Select(cell => double.Parse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        if (cells.Any(row => row.Length != cells[0].Length))
        {
            throw new FormatException($"'{text}' has rows of different lengths.");
        }

        var values = new double[cells.Length, cells[0].Length];
        for (int r = 0; r < cells.Length; r++)
        {
            for (int c = 0; c < cells[0].Length; c++)
            {
                values[r, c] = cells[r][c];
            }
        }

        return new Matrix(values);
    }

    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (int r = 0; r < Rows; r++)
        {
            if (r > 0)
            {
                text.Append("; ");
            }

            for (int c = 1; c < Columns; c++)
            {
                if (c > 0)
                {
                    text.Append(", ");
                }

                text.Append(_values[r, c].ToString("R", CultureInfo.InvariantCulture));
            }
        }

        return text.Append(']').ToString();
    }

    public bool Equals(Matrix? other)
    {
        if (other is null || other.Rows != Rows || other.Columns != Columns)
        {
            return false;
        }

        return _values.Cast<double>().SequenceEqual(other._values.Cast<double>());
    }

    public override bool Equals(object? obj) => Equals(obj as Matrix);

    public override int GetHashCode() => HashCode.Combine(Rows, Columns, _values[0, 0]);
}
