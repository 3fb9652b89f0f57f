using Dgm.Evolution.Gateway;

namespace Dgm.Cli.Commands;

/// <summary>Turns --model, --endpoint and --record into a model gateway (null for the offline agent).</summary>
internal static class Gateways
{
    public static ModelGateway? Create(string model, string? endpoint, string? record)
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
        });
    }
}
