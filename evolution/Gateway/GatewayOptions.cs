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

    public double Cost(string model, long promptTokens, long completionTokens)
    {
        var price = Models.GetValueOrDefault(model) ?? DefaultPrice;
        return ((promptTokens * price.InputPerMillion) + (completionTokens * price.OutputPerMillion)) / 1_000_000;
    }
}

/// <summary>Price of one model in dollars per million tokens.</summary>
public sealed record ModelPrice(double InputPerMillion, double OutputPerMillion);

/// <summary>Spending limits; null means unlimited. A request once a limit is reached gets HTTP 402.</summary>
public sealed record Budgets(double? RunDollars = null, double? AgentDollars = null, double? TaskDollars = null, long? RunTokens = null, long? TaskTokens = null);

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
}
