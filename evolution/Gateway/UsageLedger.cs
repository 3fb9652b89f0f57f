namespace Dgm.Evolution.Gateway;

/// <summary>Tokens and dollars spent, per run, per agent and per task. Thread-safe.</summary>
public sealed class UsageLedger(Budgets budgets)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Usage> _agents = [];
    private readonly Dictionary<string, Usage> _tasks = [];
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

    /// <summary>Why a new request must be refused, or null when it may go.</summary>
    public string? OverBudget(string agent, string task)
    {
        lock (_gate)
        {
            var agentUsage = _agents.GetValueOrDefault(agent);
            var taskUsage = _tasks.GetValueOrDefault(Key(agent, task));
            return budgets switch
            {
                { RunDollars: { } max } when _run.Dollars >= max => $"the run's budget of ${max} is spent",
                { RunTokens: { } max } when _run.Tokens >= max => $"the run's budget of {max} tokens is spent",
                { AgentDollars: { } max } when agentUsage?.Dollars >= max => $"agent {agent}'s budget of ${max} is spent",
                { TaskDollars: { } max } when taskUsage?.Dollars >= max => $"the budget of ${max} for task {task} is spent",
                { TaskTokens: { } max } when taskUsage?.Tokens >= max => $"the budget of {max} tokens for task {task} is spent",
                _ => null,
            };
        }
    }

    public void Add(string agent, string task, long tokens, double dollars)
    {
        lock (_gate)
        {
            _run = _run.Plus(tokens, dollars);
            _agents[agent] = (_agents.GetValueOrDefault(agent) ?? new Usage(0, 0, 0)).Plus(tokens, dollars);
            _tasks[Key(agent, task)] = (_tasks.GetValueOrDefault(Key(agent, task)) ?? new Usage(0, 0, 0)).Plus(tokens, dollars);
        }
    }

    private static string Key(string agent, string task) => $"{agent}\n{task}";
}

/// <summary>Requests, tokens and dollars.</summary>
public sealed record Usage(int Requests, long Tokens, double Dollars)
{
    public Usage Plus(long tokens, double dollars) => new(Requests + 1, Tokens + tokens, Dollars + dollars);
}
