namespace Dgm.Evolution.Gateway;

/// <summary>How the gateway answers: forward to the model, forward and record, or answer from a recording.</summary>
public enum GatewayMode
{
    Live,
    Record,
    Replay,
}

/// <summary>Dollars per million tokens, per model; models not listed cost <see cref="DefaultPrice"/>.</summary>
public sealed record PriceTable(IReadOnlyDictionary<string, ModelPrice> Models)
{
    public static readonly ModelPrice DefaultPrice = new(0, 0);

    public static PriceTable Free { get; } = new(new Dictionary<string, ModelPrice>());

    /// <summary>Whether the table prices <paramref name="model"/>; a dollar budget cannot be kept for a model it does not.</summary>
    public bool Knows(string model) => Models.ContainsKey(model);

    public double Cost(string model, long promptTokens, long completionTokens)
    {
        var price = Models.GetValueOrDefault(model) ?? DefaultPrice;
        return ((promptTokens * price.InputPerMillion) + (completionTokens * price.OutputPerMillion)) / 1_000_000;
    }
}

/// <summary>Price of one model in dollars per million tokens.</summary>
public sealed record ModelPrice(double InputPerMillion, double OutputPerMillion);

/// <summary>Spending limits; null means unlimited. A request whose largest possible cost a limit cannot hold gets HTTP 402.</summary>
public sealed record Budgets(double? RunDollars = null, double? AgentDollars = null, double? TaskDollars = null, long? RunTokens = null, long? TaskTokens = null)
{
    public bool HasDollarLimit => RunDollars is not null || AgentDollars is not null || TaskDollars is not null;
}

/// <summary>
/// What one channel (one sandbox) may ask of the gateway; beyond it, connections are closed and requests get
/// 429 with Retry-After, so a flood from one sandbox never reaches the host's memory or the other channels.
/// </summary>
public sealed record ChannelLimits
{
    /// <summary>Open connections at once (idle ones included).</summary>
    public int MaxConnections { get; init; } = 8;

    /// <summary>Requests being answered at once.</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>Sustained requests per minute, with bursts up to <see cref="Burst"/>.</summary>
    public int RequestsPerMinute { get; init; } = 120;

    public int Burst { get; init; } = 20;

    /// <summary>The largest request body accepted (413 beyond).</summary>
    public long MaxRequestBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long an idle connection is kept.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Everything a gateway needs. The key lives only here, on the host.</summary>
public sealed record GatewayOptions
{
    /// <summary>The OpenAI-compatible base URL, ending in /v1 (unused in replay mode).</summary>
    public Uri? Upstream { get; init; }

    /// <summary>The upstream API key: injected into forwarded requests, never sent into a sandbox or written.</summary>
    public string? ApiKey { get; init; }

    public GatewayMode Mode { get; init; } = GatewayMode.Live;

    /// <summary>The JSON-lines recording: written in Record mode, read in Replay mode.</summary>
    public string? CassettePath { get; init; }

    public PriceTable Prices { get; init; } = PriceTable.Free;

    public Budgets Budgets { get; init; } = new();

    /// <summary>Retries on 429 and 5xx answers, with exponential backoff from <see cref="RetryDelay"/>.</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The most completion tokens a request may ask for; requests asking for more, or for nothing, are capped here (max_tokens).</summary>
    public int MaxCompletionTokens { get; init; } = 4096;

    public ChannelLimits Limits { get; init; } = new();
}
