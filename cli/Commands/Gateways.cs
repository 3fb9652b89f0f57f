using Dgm.Evolution.Gateway;

namespace Dgm.Cli.Commands;

/// <summary>Turns --model, --endpoint and --record into a model gateway (null for the offline agent).</summary>
internal static class Gateways
{
    /// <param name="model">heuristic, openai:MODEL or replay:CASSETTE.</param>
    /// <param name="endpoint">The upstream base URL for openai:MODEL.</param>
    /// <param name="record">A cassette to record to, or null.</param>
    /// <param name="prices">A JSON file: {"MODEL": {"input_per_million": 0.15, "output_per_million": 0.6}, ...}.</param>
    /// <param name="budgetDollars">The run's budget; a request past it gets HTTP 402 and the agent stops.</param>
    public static ModelGateway? Create(string model, string? endpoint, string? record, string? prices = null, double? budgetDollars = null)
    {
        if (model == "heuristic")
        {
            return record is null ? null : throw new CliException("--record needs a model: the offline agent makes no model calls.");
        }

        if (model.StartsWith("replay:", StringComparison.Ordinal))
        {
            return new ModelGateway(new GatewayOptions { Mode = GatewayMode.Replay, CassettePath = model["replay:".Length..] });
        }

        if (!model.StartsWith("openai:", StringComparison.Ordinal) || model.Length == "openai:".Length)
        {
            throw new CliException($"Unknown model '{model}': use heuristic, openai:MODEL or replay:CASSETTE.");
        }

        var upstream = endpoint ?? Environment.GetEnvironmentVariable("DGM_MODEL_ENDPOINT") ?? Environment.GetEnvironmentVariable("OPENAI_BASE_URL") ?? "https://api.openai.com/v1";
        if (!Uri.TryCreate(upstream, UriKind.Absolute, out var uri))
        {
            throw new CliException($"The model endpoint '{upstream}' is not a URL.");
        }

        return new ModelGateway(new GatewayOptions
        {
            Upstream = uri,
            ApiKey = Environment.GetEnvironmentVariable("DGM_API_KEY") ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
            Mode = record is null ? GatewayMode.Live : GatewayMode.Record,
            CassettePath = record,
            Prices = prices is null ? PriceTable.Free : ReadPrices(prices),
            Budgets = new Budgets(RunDollars: budgetDollars),
        });
    }

    private static PriceTable ReadPrices(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"The price table '{path}' does not exist.");
        }

        try
        {
            var table = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(path)) ?? [];
            return new PriceTable(table.ToDictionary(
                m => m.Key,
                m => new ModelPrice(m.Value.GetValueOrDefault("input_per_million"), m.Value.GetValueOrDefault("output_per_million"))));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new CliException($"The price table '{path}' is not valid JSON ({{\"MODEL\": {{\"input_per_million\": 0.15, \"output_per_million\": 0.6}}}}): {e.Message}");
        }
    }
}
