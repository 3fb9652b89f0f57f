using System.Diagnostics.CodeAnalysis;

namespace LruCaching;

/// <summary>A fixed-capacity cache that evicts the least recently used entry when full.</summary>
/// <remarks>Both <see cref="Set"/> and a successful <see cref="TryGet"/> count as a use.</remarks>
public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _map;

    // Most recently used first.
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(comparer);
    }

    /// <summary>Raised with the key and value of each entry evicted to make room.</summary>
    public event Action<TKey, TValue>? Evicted;

    public int Capacity { get; }

    public int Count => _map.Count;

    public bool ContainsKey(TKey key) => _map.ContainsKey(key);

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (!_map.TryGetValue(key, out var node))
        {
            value = default;
            return false;
        }

        _order.Remove(node);
        _order.AddFirst(node);
        value = node.Value.Value;
        return true;
    }

    public void Set(TKey key, TValue value)
    {
        if (_map.TryGetValue(key, out var existing))
        {
            _order.Remove(existing);
        }
        else if (_map.Count == Capacity)
        {
            EvictLeastRecentlyUsed();
        }

        _map[key] = _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
    }

    public bool Remove(TKey key)
    {
        if (!_map.Remove(key, out var node))
        {
            return false;
        }

        _order.Remove(node);
        return true;
    }

    public void Clear()
    {
        _map.Clear();
        _order.Clear();
    }

    /// <summary>The cached keys, most recently used first.</summary>
    public IEnumerable<TKey> KeysByRecency() => _order.Select(entry => entry.Key);

    private void EvictLeastRecentlyUsed()
    {
        var oldest = _order.Last!;
        _order.RemoveLast();
        Evicted?.Invoke(oldest.Value.Key, oldest.Value.Value);
    }
}
