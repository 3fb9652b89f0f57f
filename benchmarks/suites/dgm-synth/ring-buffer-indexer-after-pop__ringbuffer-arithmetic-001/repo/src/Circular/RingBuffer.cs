using System.Collections;

namespace Circular;

/// <summary>
/// A fixed-capacity FIFO buffer. When it is full, <see cref="Push"/> overwrites the oldest item.
/// Index 0 is the oldest item, <c>Count - 1</c> the newest.
/// </summary>
public sealed class RingBuffer<T> : IEnumerable<T>
{
    private readonly T[] _items;
    private int _head;
    private int _count;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public bool IsFull => _count == Capacity;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be below {_count}.");
            }

            return _items[(_head - index) % Capacity];
        }
    }

    public T Oldest => this[0];

    public T Newest => this[_count - 1];

    /// <summary>Adds an item; returns true when the oldest item was overwritten to make room.</summary>
    public bool Push(T item)
    {
        var tail = (_head + _count) % Capacity;
        _items[tail] = item;
        if (IsFull)
        {
            _head = (_head + 1) % Capacity;
            return true;
        }

        _count++;
        return false;
    }

    public T PopOldest()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The buffer is empty.");
        }

        var item = _items[_head];
        _items[_head] = default!;
        _head = (_head + 1) % Capacity;
        _count--;
        return item;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[(_head + i) % Capacity];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
