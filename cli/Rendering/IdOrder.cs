namespace Dgm.Cli.Rendering;

/// <summary>Orders node ids by their number ("2" before "10"), so every rendering is deterministic.</summary>
public sealed class IdOrder : IComparer<string>
{
    public static IdOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Ids are decimal strings of any length: compare by length, then digit by digit, with no overflow.
        // A non-numeric id (broken input, a test) still gets a total order: after every numeric id.
        var xNumeric = IsDecimal(x);
        var yNumeric = IsDecimal(y);
        if (xNumeric != yNumeric)
        {
            return xNumeric ? -1 : 1;
        }

        if (xNumeric)
        {
            var xs = x.TrimStart('0');
            var ys = y.TrimStart('0');
            if (xs.Length != ys.Length)
            {
                return xs.Length.CompareTo(ys.Length);
            }

            var digits = string.CompareOrdinal(xs, ys);
            if (digits != 0)
            {
                return digits;
            }
        }

        return string.CompareOrdinal(x, y);
    }

    private static bool IsDecimal(string id) => id.Length > 0 && id.All(char.IsAsciiDigit);
}
