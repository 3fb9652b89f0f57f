namespace Dgm.Evolution.Gateway;

/// <summary>
/// Tokens and dollars spent, per run, per agent and per task, and what requests in flight may still spend.
/// A request first reserves the largest cost it can have; it goes only if every budget holds that on top of
/// what is spent and reserved, so concurrent requests can never overspend; its answer then settles the
/// reservation at the real cost. Thread-safe.
/// </summary>
public sealed class UsageLedger(Budgets budgets)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Usage> _agents = [];
    private readonly Dictionary<string, Usage> _tasks = [];
    private readonly List<Reservation> _open = [];
    private Usage _run = new(0, 0, 0);

    public Usage Run
    {
        get
        {
            lock (_gate)
            {
                return _run;
            }
        }
    }

    public Usage Agent(string agent)
    {
        lock (_gate)
        {
            return _agents.GetValueOrDefault(agent) ?? new Usage(0, 0, 0);
        }
    }

    public Usage Task(string agent, string task)
    {
        lock (_gate)
        {
            return _tasks.GetValueOrDefault(Key(agent, task)) ?? new Usage(0, 0, 0);
        }
    }

    /// <summary>Why a new request must be refused even before its cost is known (a budget already spent), or null.</summary>
    public string? OverBudget(string agent, string task) => Refusal(agent, task, 0, 0);

    /// <summary>
    /// Reserves at most <paramref name="tokens"/> and <paramref name="dollars"/> for one request, or says why
    /// a budget cannot hold it (<paramref name="refusal"/>) and reserves nothing.
    /// </summary>
    public Reservation? TryReserve(string agent, string task, long tokens, double dollars, out string? refusal)
    {
        lock (_gate)
        {
            refusal = Refusal(agent, task, tokens, dollars);
            if (refusal is not null)
            {
                return null;
            }

            var reservation = new Reservation(agent, task, tokens, dollars);
            _open.Add(reservation);
            return reservation;
        }
    }

    /// <summary>Ends a reservation with the request's real cost (zero when it was not answered).</summary>
    public void Settle(Reservation reservation, long tokens, double dollars)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (_gate)
        {
            if (_open.Remove(reservation))
            {
                Charge(reservation.Agent, reservation.Task, tokens, dollars);
            }
        }
    }

    /// <summary>Records spending without a reservation.</summary>
    public void Add(string agent, string task, long tokens, double dollars)
    {
        lock (_gate)
        {
            Charge(agent, task, tokens, dollars);
        }
    }

    private void Charge(string agent, string task, long tokens, double dollars)
    {
        _run = _run.Plus(tokens, dollars);
        _agents[agent] = (_agents.GetValueOrDefault(agent) ?? new Usage(0, 0, 0)).Plus(tokens, dollars);
        _tasks[Key(agent, task)] = (_tasks.GetValueOrDefault(Key(agent, task)) ?? new Usage(0, 0, 0)).Plus(tokens, dollars);
    }

    // Called under the lock: spent + reserved + this request, against every budget.
    private string? Refusal(string agent, string task, long tokens, double dollars)
    {
        var run = _run.Tokens + tokens + _open.Sum(r => r.Tokens);
        var runDollars = _run.Dollars + dollars + _open.Sum(r => r.Dollars);
        var agentDollars = (_agents.GetValueOrDefault(agent)?.Dollars ?? 0) + dollars + _open.Where(r => r.Agent == agent).Sum(r => r.Dollars);
        var mine = _open.Where(r => r.Agent == agent && r.Task == task).ToList();
        var taskUsage = _tasks.GetValueOrDefault(Key(agent, task));
        var taskTokens = (taskUsage?.Tokens ?? 0) + tokens + mine.Sum(r => r.Tokens);
        var taskDollars = (taskUsage?.Dollars ?? 0) + dollars + mine.Sum(r => r.Dollars);
        return budgets switch
        {
            { RunDollars: { } max } when Exceeds(runDollars, max, dollars) => $"the run's budget of ${max} cannot cover this request (${runDollars - dollars:0.####} spent or reserved, up to ${dollars:0.####} more)",
            { RunTokens: { } max } when Exceeds(run, max, tokens) => $"the run's budget of {max} tokens cannot cover this request ({run - tokens} spent or reserved, up to {tokens} more)",
            { AgentDollars: { } max } when Exceeds(agentDollars, max, dollars) => $"agent {agent}'s budget of ${max} cannot cover this request",
            { TaskDollars: { } max } when Exceeds(taskDollars, max, dollars) => $"the budget of ${max} for task {task} cannot cover this request",
            { TaskTokens: { } max } when Exceeds(taskTokens, max, tokens) => $"the budget of {max} tokens for task {task} cannot cover this request",
            _ => null,
        };
    }

    // A budget already reached refuses even a free request; otherwise the worst case must fit.
    private static bool Exceeds(double total, double max, double request) => request == 0 ? total >= max : total > max;

    private static string Key(string agent, string task) => $"{agent}\n{task}";
}

/// <summary>What one request in flight may spend at most (compared by reference: two requests are two reservations).</summary>
public sealed class Reservation(string agent, string task, long tokens, double dollars)
{
    public string Agent => agent;

    public string Task => task;

    public long Tokens => tokens;

    public double Dollars => dollars;
}

/// <summary>Requests, tokens and dollars.</summary>
public sealed record Usage(int Requests, long Tokens, double Dollars)
{
    public Usage Plus(long tokens, double dollars) => new(Requests + 1, Tokens + tokens, Dollars + dollars);
}
