using System.Text;

namespace Dgm.Sandbox;

/// <summary>
/// Pre-started sandboxes, so starting a container is off the critical path: a request whose spec matches an
/// idle sandbox gets it at once, and a replacement starts in the background (for specs asked for more than
/// once: the grading sandbox, a node's agent sandbox). Every sandbox is handed out at
/// most once and removed when its user disposes it (in the background: its user goes on at once, the sandbox
/// refuses further use, and disposing the pool waits for every removal); the pool never hands out a used one. Idle sandboxes are
/// kept per spec (<see cref="PerSpec"/>) and in all (<see cref="MaxIdle"/>, the oldest removed first), and all
/// removed when the pool is disposed. Thread-safe.
/// </summary>
public sealed class SandboxPool(ISandboxFactory inner) : ISandboxFactory, IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(string Key, ISandbox Sandbox, long Since)> _idle = new();
    private readonly Dictionary<string, int> _starting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _expected = new(StringComparer.Ordinal);
    private readonly List<Task> _background = [];
    private readonly CancellationTokenSource _closing = new();
    private bool _disposed;

    /// <summary>Whether disposing the pool disposes the factory it wraps.</summary>
    public bool OwnsInner { get; init; } = true;

    /// <summary>Idle sandboxes kept ready per distinct spec.</summary>
    public int PerSpec { get; init; } = 2;

    /// <summary>Idle sandboxes kept in all (and starting): two nodes' agent sandboxes and the grading one, two each.</summary>
    public int MaxIdle { get; init; } = 6;

    /// <summary>
    /// How long a sandbox is kept ready; older ones are removed at the next request. An agent sandbox runs the
    /// agent's own code while it waits (<see cref="SandboxSpec.PoolWarmUp"/>): this bounds what that costs.
    /// </summary>
    public TimeSpan MaxIdleAge { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Removals of used sandboxes under way in the background at most; past it, a sandbox is removed as its user disposes it.</summary>
    public int MaxPendingRemovals { get; init; } = 4;

    /// <summary>The factory the pool starts sandboxes with (for measures that must start their own).</summary>
    public ISandboxFactory Inner => inner;

    public string Kind => inner.Kind;

    public string IsolationNote => inner.IsolationNote;

    /// <summary>Sandboxes handed out ready (counted for the figures; a miss is a cold start).</summary>
    public int Hits { get; private set; }

    public int Misses { get; private set; }

    /// <summary>Pre-started sandboxes whose <see cref="SandboxSpec.PoolWarmUp"/> failed (they are removed, never handed out).</summary>
    public int WarmUpFailures => _warmUpFailures;

    private int _warmUpFailures;

    /// <summary>Sandboxes ready now.</summary>
    public int Idle
    {
        get
        {
            lock (_lock)
            {
                return _idle.Count;
            }
        }
    }

    public async Task<ISandbox> StartAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = Key(spec);
        ISandbox? ready = null;
        var stale = new List<ISandbox>();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var node = _idle.First; node is not null;)
            {
                var next = node.Next;
                if (Environment.TickCount64 - node.Value.Since > (long)MaxIdleAge.TotalMilliseconds)
                {
                    stale.Add(node.Value.Sandbox);
                    _idle.Remove(node);
                }
                else if (ready is null && node.Value.Key == key)
                {
                    ready = node.Value.Sandbox;
                    _idle.Remove(node);
                }

                node = next;
            }

            if (ready is null)
            {
                Misses++;
            }
            else
            {
                Hits++;
            }

            // A spec asked for once (a build) gets nothing kept ready; one asked for again (every grading) does,
            // and one whose requests were announced (Expect) as many as are still to come.
            _requests[key] = _requests.GetValueOrDefault(key) + 1;
            if (_expected.TryGetValue(key, out var expected))
            {
                _expected[key] = Math.Max(0, expected - 1);
                if (_expected[key] == 0)
                {
                    TakeIdle(key, stale);
                }
            }

            if (_requests[key] > 1 || _expected.ContainsKey(key))
            {
                Refill(spec, key);
            }
        }

        foreach (var sandbox in stale)
        {
            await RemoveAsync(sandbox);
        }

        return new Handed(ready ?? await inner.StartAsync(spec, cancellationToken), this);
    }

    /// <summary>
    /// Removes a used sandbox off its user's path: in the background while fewer than <see cref="MaxPendingRemovals"/>
    /// are under way, else (a slow daemon) on its user's path, so removals never pile up; once the pool is closing, at once.
    /// </summary>
    private ValueTask RemoveAsync(ISandbox sandbox)
    {
        bool closing;
        lock (_lock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            closing = _disposed;
            if (!closing && _background.Count < MaxPendingRemovals)
            {
                _background.Add(Task.Run(() => RemoveQuietlyAsync(sandbox)));
                return ValueTask.CompletedTask;
            }
        }

        return closing ? sandbox.DisposeAsync() : new ValueTask(RemoveQuietlyAsync(sandbox));
    }

    private static async Task RemoveQuietlyAsync(ISandbox sandbox)
    {
        try
        {
            await sandbox.DisposeAsync();
        }
        catch (Exception)
        {
            // A removal that fails leaves a container labelled with its owner: the next factory removes it once this process is gone.
        }
    }

    /// <summary>A sandbox as its user holds it: used until disposed, then refused, and removed by the pool.</summary>
    private sealed class Handed(ISandbox sandbox, SandboxPool pool) : ISandbox
    {
        private int _disposed;

        public string Id => sandbox.Id;

        public string WorkDir => sandbox.WorkDir;

        public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) => Live().RunAsync(request, cancellationToken);

        public Task CopyInAsync(string hostPath, string sandboxPath, CancellationToken cancellationToken) => Live().CopyInAsync(hostPath, sandboxPath, cancellationToken);

        public Task CopyInAsync(IReadOnlyList<CopyIn> items, CancellationToken cancellationToken) => Live().CopyInAsync(items, cancellationToken);

        public Task<CopyReport> CopyOutAsync(string sandboxPath, string hostPath, CancellationToken cancellationToken) => Live().CopyOutAsync(sandboxPath, hostPath, cancellationToken);

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? pool.RemoveAsync(sandbox) : ValueTask.CompletedTask;

        private ISandbox Live()
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return sandbox;
        }
    }

    /// <summary>
    /// Announces <paramref name="count"/> more requests for <paramref name="spec"/> (a stage's tasks): the pool
    /// starts sandboxes for them before the first comes, never keeps more ready than are still to come, and
    /// removes what is left once the last has come. What a pre-started sandbox costs (an agent sandbox warms the
    /// agent up) is then spent only on sandboxes that will be used.
    /// </summary>
    public void Expect(SandboxSpec spec, int count)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = Key(spec);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _expected[key] = _expected.GetValueOrDefault(key) + Math.Max(0, count);
            Refill(spec, key);
        }
    }

    /// <summary>Moves the idle sandboxes of one spec into <paramref name="into"/>, for removal. Under the lock.</summary>
    private void TakeIdle(string key, List<ISandbox> into)
    {
        for (var node = _idle.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Key == key)
            {
                into.Add(node.Value.Sandbox);
                _idle.Remove(node);
            }

            node = next;
        }
    }

    /// <summary>
    /// Starts enough sandboxes in the background to keep <see cref="PerSpec"/> ready for this spec (no more than
    /// its announced requests still to come), and none that would push another ready one out. Under the lock.
    /// </summary>
    private void Refill(SandboxSpec spec, string key)
    {
        var have = _idle.Count(i => i.Key == key) + _starting.GetValueOrDefault(key);
        var want = _expected.TryGetValue(key, out var expected) ? Math.Min(PerSpec, expected) : PerSpec;
        for (var i = have; i < want && _idle.Count + _starting.Values.Sum() < MaxIdle; i++)
        {
            _starting[key] = _starting.GetValueOrDefault(key) + 1;
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(Task.Run(() => StartIdleAsync(spec, key)));
        }
    }

    private async Task StartIdleAsync(SandboxSpec spec, string key)
    {
        ISandbox? sandbox = null;
        try
        {
            sandbox = await inner.StartAsync(spec, _closing.Token);
            if (spec.PoolWarmUp is { } warmUp && (await sandbox.RunAsync(new CommandRequest(warmUp, TimeSpan.FromSeconds(30)), _closing.Token)).ExitCode != 0)
            {
                // Not kept: the next request starts its own sandbox, as if the pool had none ready.
                Interlocked.Increment(ref _warmUpFailures);
                await sandbox.DisposeAsync();
                sandbox = null;
            }
        }
        catch (Exception) when (!_closing.IsCancellationRequested)
        {
            // A failed pre-start (or warm-up) costs nothing: the next request starts its own sandbox and reports the error.
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
                sandbox = null;
            }
        }
        catch (OperationCanceledException)
        {
        }

        ISandbox? evicted = null;
        lock (_lock)
        {
            _starting[key]--;
            var surplus = _expected.TryGetValue(key, out var left) && left <= _idle.Count(i => i.Key == key);
            if (sandbox is not null && !_disposed && !surplus)
            {
                _idle.AddLast((key, sandbox, Environment.TickCount64));
                if (_idle.Count > MaxIdle)
                {
                    evicted = _idle.First!.Value.Sandbox;
                    _idle.RemoveFirst();
                }

                sandbox = null;
            }
        }

        if (evicted is not null)
        {
            await evicted.DisposeAsync();
        }

        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }

    /// <summary>What makes two specs interchangeable: everything the container is created with.</summary>
    private static string Key(SandboxSpec spec)
    {
        var text = new StringBuilder();
        text.Append(spec.Image).Append('\n').Append(spec.RunId).Append('\n').Append(spec.WorkDir).Append('\n')
            .Append(spec.Limits).Append('\n').Append(spec.CopyLimits).Append('\n').Append(spec.Network).Append(spec.Gpus).Append('\n');
        text.Append("warm-up ").Append(spec.PoolWarmUp).Append('\n');
        foreach (var mount in spec.Mounts)
        {
            text.Append("mount ").Append(mount.HostPath).Append(" -> ").Append(mount.SandboxPath).Append(mount.ReadOnly ? " ro" : " rw").Append('\n');
        }

        foreach (var (name, value) in spec.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("env ").Append(name).Append('=').Append(value).Append('\n');
        }

        foreach (var (name, value) in spec.Labels.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("label ").Append(name).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        List<ISandbox> idle;
        Task[] background;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = [.. _idle.Select(i => i.Sandbox)];
            _idle.Clear();
            background = [.. _background];
        }

        await _closing.CancelAsync();
        await Task.WhenAll(background);
        foreach (var sandbox in idle)
        {
            await sandbox.DisposeAsync();
        }

        _closing.Dispose();
        if (OwnsInner)
        {
            (inner as IDisposable)?.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
