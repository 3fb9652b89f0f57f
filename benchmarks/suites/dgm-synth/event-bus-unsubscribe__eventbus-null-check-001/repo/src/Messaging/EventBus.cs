namespace Messaging;

/// <summary>An in-process publish/subscribe bus keyed by event type. Not thread-safe.</summary>
public sealed class EventBus
{
    private readonly Dictionary<Type, List<Delegate>> _handlers = [];

    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryGetValue(typeof(T), out var list))
        {
            list = [];
            _handlers[typeof(T)] = list;
        }

        list.Add(handler);
        return new Subscription(() => Unsubscribe(typeof(T), handler));
    }

    public int Publish<T>(T message)
    {
        if (!_handlers.TryGetValue(typeof(T), out var list))
        {
            return 0;
        }

        var snapshot = list.ToArray();
        foreach (var handler in snapshot)
        {
            ((Action<T>)handler)(message);
        }

        return snapshot.Length;
    }

    public int SubscriberCount<T>() => _handlers.TryGetValue(typeof(T), out var list) ? list.Count : 0;

    public void Clear()
    {
        foreach (var list in _handlers.Values)
        {
            list.Clear();
        }
    }

    private void Unsubscribe(Type type, Delegate handler)
    {
        if (_handlers.TryGetValue(type, out var list))
        {
            list.Remove(handler);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose()
        {
            _dispose.Invoke();
            _dispose = null;
        }
    }
}
