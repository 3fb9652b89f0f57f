namespace PriorityQueues;

/// <summary>
/// A binary min-heap of distinct elements whose priorities can be changed while they are queued.
/// The element with the lowest priority is dequeued first.
/// </summary>
public sealed class UpdatableQueue<TElement> where TElement : notnull
{
    private readonly List<(TElement Element, int Priority)> _heap = new();
    private readonly Dictionary<TElement, int> _positions;

    public UpdatableQueue(IEqualityComparer<TElement>? comparer = null)
    {
        _positions = new Dictionary<TElement, int>(comparer);
    }

    public int Count => _heap.Count;

    public bool Contains(TElement element) => _positions.ContainsKey(element);

    public void Enqueue(TElement element, int priority)
    {
        if (_positions.ContainsKey(element))
        {
            throw new InvalidOperationException($"'{element}' is already queued.");
        }

        _heap.Add((element, priority));
        _positions[element] = _heap.Count - 1;
        SiftUp(_heap.Count - 1);
    }

    public TElement Peek()
    {
        if (_heap.Count == 0)
        {
            throw new InvalidOperationException("The queue is empty.");
        }

        return _heap[0].Element;
    }

    public TElement Dequeue()
    {
        var element = Peek();
        RemoveAt(0);
        return element;
    }

    public bool TryGetPriority(TElement element, out int priority)
    {
        if (_positions.TryGetValue(element, out var index))
        {
            priority = _heap[index].Priority;
            return true;
        }

        priority = default;
        return false;
    }

    public void ChangePriority(TElement element, int priority)
    {
        if (!_positions.TryGetValue(element, out var index))
        {
            throw new KeyNotFoundException($"'{element}' is not queued.");
        }

        var old = _heap[index].Priority;
        _heap[index] = (element, priority);
        if (priority < old)
        {
            SiftUp(index);
        }
        else
        {
            SiftDown(index);
        }
    }

    public bool Remove(TElement element)
    {
        if (!_positions.TryGetValue(element, out var index))
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }

    private void RemoveAt(int index)
    {
        var last = _heap.Count - 1;
        _positions.Remove(_heap[index].Element);
        if (index != last)
        {
            _heap[index] = _heap[last];
            _positions[_heap[index].Element] = index;
        }

        _heap.RemoveAt(last);
        if (index < _heap.Count)
        {
            SiftUp(index);
            SiftDown(index);
        }
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (_heap[index].Priority >= _heap[parent].Priority)
            {
                break;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var left = 2 * index + 1;
            var right = left + 1;
            var smallest = index;
            if (left < _heap.Count && _heap[left].Priority < _heap[smallest].Priority)
            {
                smallest = left;
            }

            if (right < _heap.Count && _heap[right].Priority < _heap[smallest].Priority)
            {
                smallest = right;
            }

            if (smallest == index)
            {
                return;
            }

            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int i, int j)
    {
        (_heap[i], _heap[j]) = (_heap[j], _heap[i]);
        _positions[_heap[i].Element] = i;
    }
}
