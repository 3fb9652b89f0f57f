namespace Buffers;

/// <summary>A fixed-capacity buffer that keeps the most recent items, overwriting the oldest.</summary>
public sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private int _start;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count < Capacity)
        {
            _items[(_start + Count) % Capacity] = item;
            Count++;
            return;
        }

        _items[_start] = item;
        _start = (_start + 1) % Capacity;
    }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _items[(_start + index) % Capacity];
        }
    }

    public T[] ToArray()
    {
        var result = new T[Count];
        for (var i = 1; i < Count; i++)
        {
            result[i] = this[i];
        }

        return result;
    }
}
