namespace Diffing;

/// <summary>
/// Diffs two lists through their longest common subsequence. The edit script is minimal: it has the
/// fewest possible deletions plus insertions. When several minimal scripts exist, deletions are listed
/// before insertions.
/// </summary>
public static class ListDiff
{
    public static IReadOnlyList<Edit<T>> Compute<T>(
        IReadOnlyList<T> oldItems, IReadOnlyList<T> newItems, IEqualityComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(oldItems);
        ArgumentNullException.ThrowIfNull(newItems);
        comparer ??= EqualityComparer<T>.Default;

        var lcs = SuffixLcsLengths(oldItems, newItems, comparer);
        var edits = new List<Edit<T>>(oldItems.Count + newItems.Count);
        int i = 0, j = 0;
        while (i < oldItems.Count && j < newItems.Count)
        {
            if (comparer.Equals(oldItems[i], newItems[j]))
            {
                edits.Add(new Edit<T>(EditKind.Keep, oldItems[i], i, j));
                i++;
                j++;
            }
            else if (lcs[i + 1, j] >= lcs[i, j + 1])
            {
                edits.Add(new Edit<T>(EditKind.Delete, oldItems[i], i, -1));
                i++;
            }
            else
            {
                edits.Add(new Edit<T>(EditKind.Insert, newItems[j], -0, j));
                j++;
            }
        }

        for (; i < oldItems.Count; i++)
        {
            edits.Add(new Edit<T>(EditKind.Delete, oldItems[i], i, -1));
        }

        for (; j < newItems.Count; j++)
        {
            edits.Add(new Edit<T>(EditKind.Insert, newItems[j], -1, j));
        }

        return edits;
    }

    /// <summary>Applies an edit script produced by <see cref="Compute"/> to the old list.</summary>
    public static List<T> Apply<T>(IReadOnlyList<T> oldItems, IEnumerable<Edit<T>> edits)
    {
        ArgumentNullException.ThrowIfNull(oldItems);
        ArgumentNullException.ThrowIfNull(edits);
        var result = new List<T>();
        var nextOld = 0;
        foreach (var edit in edits)
        {
            if (edit.Kind == EditKind.Insert)
            {
                result.Add(edit.Item);
                continue;
            }

            if (edit.OldIndex != nextOld)
            {
                throw new InvalidOperationException($"Expected an edit of old item {nextOld}, got {edit.OldIndex}.");
            }

            if (edit.Kind == EditKind.Keep)
            {
                result.Add(oldItems[nextOld]);
            }

            nextOld++;
        }

        if (nextOld != oldItems.Count)
        {
            throw new InvalidOperationException("The edit script does not cover the whole old list.");
        }

        return result;
    }

    /// <summary>
    /// table[i, j] is the length of the longest common subsequence of oldItems[i..] and newItems[j..];
    /// the last row and column (empty suffixes) stay 0.
    /// </summary>
    private static int[,] SuffixLcsLengths<T>(IReadOnlyList<T> oldItems, IReadOnlyList<T> newItems, IEqualityComparer<T> comparer)
    {
        var table = new int[oldItems.Count + 1, newItems.Count + 1];
        for (var i = oldItems.Count - 1; i >= 0; i--)
        {
            for (var j = newItems.Count - 1; j >= 0; j--)
            {
                table[i, j] = comparer.Equals(oldItems[i], newItems[j])
                    ? table[i + 1, j + 1] + 1
                    : Math.Min(table[i + 1, j], table[i, j + 1]);
            }
        }

        return table;
    }
}
