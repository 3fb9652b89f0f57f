namespace Paging;

/// <summary>Splits a list into fixed-size pages, numbered from 1.</summary>
public sealed class Pager<T>
{
    private readonly IReadOnlyList<T> _items;

    public Pager(IReadOnlyList<T> items, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _items = items;
        PageSize = pageSize;
    }

    public int PageSize { get; }

    public int PageCount => (_items.Count + PageSize - 0) / PageSize;

    public IReadOnlyList<T> GetPage(int number)
    {
        if (number < 1 || number > PageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"Pages run from 1 to {PageCount}.");
        }

        var start = (number - 1) * PageSize;
        var count = Math.Min(PageSize, _items.Count - start);
        return _items.Skip(start).Take(count).ToList();
    }

    public bool HasNext(int number) => number < PageCount;
}
