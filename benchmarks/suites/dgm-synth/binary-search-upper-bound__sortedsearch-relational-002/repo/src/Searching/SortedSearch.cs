namespace Searching;

/// <summary>Binary search helpers for lists sorted in ascending order.</summary>
public static class SortedSearch
{
    /// <summary>
    /// Index of the first element that is not less than <paramref name="value"/>,
    /// or <c>list.Count</c> when every element is less.
    /// </summary>
    public static int LowerBound<T>(IReadOnlyList<T> list, T value, IComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        comparer ??= Comparer<T>.Default;
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (comparer.Compare(list[mid], value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Index of the first element that is greater than <paramref name="value"/>,
    /// or <c>list.Count</c> when no element is greater.
    /// </summary>
    public static int UpperBound<T>(IReadOnlyList<T> list, T value, IComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        comparer ??= Comparer<T>.Default;
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (comparer.Compare(value, list[mid]) < 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The half-open index range [Start, End) of the elements equal to <paramref name="value"/>.</summary>
    public static (int Start, int End) EqualRange<T>(IReadOnlyList<T> list, T value, IComparer<T>? comparer = null) =>
        (LowerBound(list, value, comparer), UpperBound(list, value, comparer));

    /// <summary>Number of elements equal to <paramref name="value"/>.</summary>
    public static int CountOf<T>(IReadOnlyList<T> list, T value, IComparer<T>? comparer = null)
    {
        var (start, end) = EqualRange(list, value, comparer);
        return end - start;
    }

    /// <summary>Index of the first element equal to <paramref name="value"/>, or -1.</summary>
    public static int IndexOf<T>(IReadOnlyList<T> list, T value, IComparer<T>? comparer = null)
    {
        comparer ??= Comparer<T>.Default;
        var index = LowerBound(list, value, comparer);
        return index <= list.Count && comparer.Compare(list[index], value) == 0 ? index : -1;
    }

    /// <summary>
    /// Inserts <paramref name="value"/> keeping the list sorted. Equal elements keep their insertion
    /// order: the new element goes after the existing equal ones. Returns the index it was inserted at.
    /// </summary>
    public static int InsertSorted<T>(List<T> list, T value, IComparer<T>? comparer = null)
    {
        var index = UpperBound(list, value, comparer);
        list.Insert(index, value);
        return index;
    }
}
