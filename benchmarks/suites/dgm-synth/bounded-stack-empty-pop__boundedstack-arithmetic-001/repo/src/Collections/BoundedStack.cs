namespace Collections;

/// <summary>A stack with a maximum size. Pop and Peek on an empty stack throw InvalidOperationException.</summary>
public sealed class BoundedStack<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == _items.Length;

    public void Push(T item)
    {
        if (IsFull)
        {
            throw new InvalidOperationException($"The stack is full ({_items.Length} items).");
        }

        _items[Count++] = item;
    }

    public T Peek()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _items[Count + 1];
    }

    public T Pop()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        var item = _items[--Count];
        _items[Count] = default!;
        return item;
    }
}
