using Dgm.Archive;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Tasks;
using Dgm.Evolution.Gateway;
using Dgm.Sandbox;

namespace Dgm.Evolution.Runs;

/// <summary>
/// The pieces one run shares: options, archive, lineage, sandboxes, the task plan, the model gateway and
/// the worker gate. Thread-safe: the archive and lineage serialize their own writes.
/// </summary>
public sealed class RunContext(
    EvolutionOptions options,
    ArchiveStore store,
    Lineage lineage,
    ISandboxFactory sandboxes,
    GradingEnvironment environment,
    Suite suite,
    ModelGateway? gateway,
    Action<EvolutionEvent> report) : IDisposable
{
    private readonly SemaphoreSlim _workers = new(Math.Max(1, options.Workers));
    private readonly Lock _lineageLock = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _totalsLock = new();
    private int _evaluations;
    private RunInfo? _before;
    private Lazy<Grader>? _grader;

    public EvolutionOptions Options => options;

    public RunFolder Folder { get; } = new(Path.GetFullPath(options.RunDir));

    public ArchiveStore Store => store;

    public ISandboxFactory Sandboxes => sandboxes;

    public GradingEnvironment Environment => environment;

    public Suite Suite => suite;

    public StagePlan Plan { get; } = StagePlan.Create(suite, options, environment.Cuda.SkipReason);

    /// <summary>The grader of every evaluation in this run, with the tasks' build plans for the fast path.</summary>
    public Grader Grader => (_grader ??= new Lazy<Grader>(() => new Grader(sandboxes, environment, RunId) { Plans = new BuildPlans(sandboxes, environment, RunId) })).Value;

    public ModelGateway? Gateway => gateway;

    /// <summary>The host's agent runtime every node is built against: runtime/ beside the seed's source (null when it has none).</summary>
    public string? Runtime { get; } = AgentRuntime.Beside(options.SeedSource);

    public string RunId { get; } = "evolve-" + Path.GetFileName(Path.GetFullPath(options.RunDir).TrimEnd('/'));

    /// <summary>The model spec the agent in a sandbox gets: heuristic, or openai:MODEL through the gateway.</summary>
    public string AgentModel => gateway is null ? "heuristic" : options.Model.StartsWith("openai:", StringComparison.Ordinal) ? options.Model : "openai:replay";

    /// <summary>Task evaluations started by this process.</summary>
    public int Evaluations => Volatile.Read(ref _evaluations);

    public void Report(EvolutionEvent e) => report(e);

    /// <summary>Counts a task evaluation and records the run's totals, so a killed process's work is not forgotten.</summary>
    public void CountEvaluation()
    {
        Interlocked.Increment(ref _evaluations);
        RecordTotals();
    }

    /// <summary>
    /// Writes the run's totals (wall time, evaluations, processes) into its run information: what earlier
    /// processes recorded plus this one so far. Called at every evaluation and iteration; returns them.
    /// </summary>
    public RunInfo RecordTotals()
    {
        lock (_totalsLock)
        {
            // The CLI writes the run information before the loop starts; without it there is nothing to add to.
            var stored = store.GetRunInfo();
            var current = stored ?? new RunInfo(RunId, DateTimeOffset.UtcNow, new Dictionary<string, string>(), RunStatus.Running);
            _before ??= current with { Processes = current.Processes + 1 };
            var totals = current with
            {
                WallSeconds = _before.WallSeconds + _clock.Elapsed.TotalSeconds,
                Evaluations = _before.Evaluations + Evaluations,
                Processes = _before.Processes,
            };
            if (stored is not null)
            {
                store.SetRunInfo(totals);
            }

            return totals;
        }
    }

    /// <summary>Runs one sandbox job once a worker is free: at most --workers at once over the whole run.</summary>
    public async Task<T> GatedAsync<T>(Func<Task<T>> job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await _workers.WaitAsync(cancellationToken);
        try
        {
            return await job();
        }
        finally
        {
            _workers.Release();
        }
    }

    /// <summary>LibGit2Sharp repositories are not thread-safe: one lineage operation at a time.</summary>
    public T WithLineage<T>(Func<Lineage, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_lineageLock)
        {
            return action(lineage);
        }
    }

    public void Dispose() => _workers.Dispose();
}
