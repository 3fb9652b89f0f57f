namespace Heaps;

/// <summary>A binary min-heap. Not thread-safe.</summary>
public sealed class MinHeap<T>
{
    private readonly List<T> _items = [];
    private readonly IComparer<T> _comparer;

    public MinHeap(IComparer<T>? comparer = null) => _comparer = comparer ?? Comparer<T>.Default;

    public int Count => _items.Count;

    public void Enqueue(T item)
    {
        _items.Add(item);
        SiftUp(_items.Count - 1);
    }

    public T Peek() => _items.Count > 0 ? _items[0] : throw new InvalidOperationException("The heap is empty.");

    public T Dequeue()
    {
        var top = Peek();
        _items[0] = _items[^1];
        _items.RemoveAt(_items.Count - 1);
        if (_items.Count > 0)
        {
            SiftDown(0);
        }

        return top;
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (_comparer.Compare(_items[index], _items[parent]) >= 0)
            {
                return;
            }

            (_items[index], _items[parent]) = (_items[parent], _items[index]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var left = (2 * index) + 1;
            var right = left + 1;
            var smallest = index;
            if (left < _items.Count && _comparer.Compare(_items[left], _items[smallest]) > 0)
            {
                smallest = left;
            }

            if (right < _items.Count && _comparer.Compare(_items[right], _items[smallest]) < 0)
            {
                smallest = right;
            }

            if (smallest == index)
            {
                return;
            }

            (_items[index], _items[smallest]) = (_items[smallest], _items[index]);
            index = smallest;
        }
    }
}
