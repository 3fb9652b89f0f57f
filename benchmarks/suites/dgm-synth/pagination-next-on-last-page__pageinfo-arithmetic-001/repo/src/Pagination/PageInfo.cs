namespace Pagination;

/// <summary>
/// Page arithmetic for a result of <see cref="TotalItems"/> items shown <see cref="PageSize"/> at a time.
/// Pages are numbered from 1; an empty result still has one (empty) page. Page numbers passed in
/// are clamped to <c>1..PageCount</c>.
/// </summary>
public sealed class PageInfo
{
    public PageInfo(int totalItems, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalItems);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        TotalItems = totalItems;
        PageSize = pageSize;
    }

    public int TotalItems { get; }

    public int PageSize { get; }

    public int PageCount => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);

    public int Clamp(int page) => Math.Clamp(page, 1, PageCount);

    public bool HasPrevious(int page) => Clamp(page) > 1;

    public bool HasNext(int page) => Clamp(page) < PageCount;

    /// <summary>Zero-based index of the first item on the page.</summary>
    public int Offset(int page) => (Clamp(page) - 1) * PageSize;

    /// <summary>Number of items on the page (the last page may be shorter).</summary>
    public int ItemsOn(int page) => Math.Min(PageSize, TotalItems - Offset(page));

    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int page)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count != TotalItems)
        {
            throw new ArgumentException($"Expected {TotalItems} items but got {items.Count}.", nameof(items));
        }

        return items.Skip(Offset(page)).Take(ItemsOn(page)).ToList();
    }

    /// <summary>"Showing 11–20 of 45", or "No results" for an empty result.</summary>
    public string Label(int page)
    {
        if (TotalItems == 0)
        {
            return "No results";
        }

        var first = Offset(page) - 1;
        var last = Offset(page) + ItemsOn(page);
        return $"Showing {first}–{last} of {TotalItems}";
    }

    /// <summary>
    /// Up to <paramref name="width"/> consecutive page numbers to show as links, centred on
    /// <paramref name="page"/> where possible.
    /// </summary>
    public IReadOnlyList<int> Window(int page, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var count = Math.Min(width, PageCount);
        var start = Clamp(page) - (count - 1) / 2;
        start = Math.Clamp(start, 1, PageCount - count + 1);
        return Enumerable.Range(start, count).ToList();
    }
}
