using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Dgm.Evolution.Gateway;

/// <summary>
/// The host side of every model call a sandboxed agent makes. Sandboxes have no network: each gets a
/// Unix socket (a <see cref="GatewayChannel"/>) that speaks the OpenAI chat-completions protocol. The
/// gateway forwards to the upstream with the API key added here, counts tokens and dollars per run,
/// agent and task, refuses requests over budget (HTTP 402), records or replays exchanges, and retries
/// 429 and 5xx answers with backoff. Thread-safe.
/// </summary>
public sealed class ModelGateway : IAsyncDisposable
{
    private readonly GatewayOptions _options;
    private readonly HttpClient _upstream;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly Cassette? _cassette;
    private readonly List<GatewayChannel> _channels = [];
    private readonly Lock _gate = new();

    public ModelGateway(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode != GatewayMode.Replay && options.Upstream is null)
        {
            throw new ArgumentException("The gateway needs an upstream URL unless it replays a cassette.", nameof(options));
        }

        if (options.Mode != GatewayMode.Live && options.CassettePath is null)
        {
            throw new ArgumentException($"{options.Mode} mode needs a cassette path.", nameof(options));
        }

        _options = options;
        _upstream = new HttpClient { Timeout = options.RequestTimeout };
        _cassette = options.Mode switch
        {
            GatewayMode.Record => Cassette.ForRecording(options.CassettePath!),
            GatewayMode.Replay => Cassette.ForReplay(options.CassettePath!),
            _ => null,
        };
        Usage = new UsageLedger(options.Budgets);
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            })
            .Build();
    }

    public UsageLedger Usage { get; }

    /// <summary>Opens a socket for one agent working on one task; mount its folder into the sandbox.</summary>
    public async Task<GatewayChannel> OpenChannelAsync(string agent, string task, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("dgm-gateway-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        var socket = Path.Combine(folder, GatewayChannel.SocketName);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socket));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", (HttpContext context) => HandleAsync(context, agent, task));
        app.MapFallback((HttpContext context) => Error(context, HttpStatusCode.NotFound, $"the gateway serves POST /v1/chat/completions only, not {context.Request.Method} {context.Request.Path}"));
        await app.StartAsync(cancellationToken);

        // The sandbox runs as another user: it must be allowed to connect.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(socket, (UnixFileMode)0b110_110_110);
        }

        var channel = new GatewayChannel(app, folder, agent, task);
        lock (_gate)
        {
            _channels.Add(channel);
        }

        return channel;
    }

    private async Task HandleAsync(HttpContext context, string agent, string task)
    {
        JsonNode? request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException e)
        {
            await Error(context, HttpStatusCode.BadRequest, $"the request is not JSON: {e.Message}");
            return;
        }

        if (request is not JsonObject body)
        {
            await Error(context, HttpStatusCode.BadRequest, "the request must be a JSON object");
            return;
        }

        if (Usage.OverBudget(agent, task) is { } reason)
        {
            await Error(context, HttpStatusCode.PaymentRequired, $"budget exceeded: {reason}");
            return;
        }

        var key = Cassette.KeyOf(body);
        string answer;
        if (_options.Mode == GatewayMode.Replay)
        {
            answer = _cassette!.Answer(key) ?? "";
            if (answer.Length == 0)
            {
                await Error(context, HttpStatusCode.NotFound, "replay: this request was never recorded (the agent asked something new); record the run again");
                return;
            }
        }
        else
        {
            var (status, text) = await ForwardAsync(body, context.RequestAborted);
            if (status != HttpStatusCode.OK)
            {
                await Error(context, status == HttpStatusCode.PaymentRequired ? HttpStatusCode.PaymentRequired : HttpStatusCode.BadGateway, $"upstream answered {(int)status}: {Head(text)}");
                return;
            }

            answer = text;
        }

        JsonNode? response;
        try
        {
            response = JsonNode.Parse(answer);
        }
        catch (System.Text.Json.JsonException)
        {
            response = null;
        }

        if (response?["choices"] is not JsonArray { Count: > 0 })
        {
            await Error(context, HttpStatusCode.BadGateway, $"the model's answer is not a chat completion: {Head(answer)}");
            return;
        }

        var model = (string?)body["model"] ?? "";
        var prompt = (long?)response["usage"]?["prompt_tokens"] ?? 0;
        var completion = (long?)response["usage"]?["completion_tokens"] ?? 0;
        Usage.Add(agent, task, prompt + completion, _options.Prices.Cost(model, prompt, completion));
        if (_options.Mode == GatewayMode.Record)
        {
            _cassette!.Record(key, body, response);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    private async Task<(HttpStatusCode Status, string Text)> ForwardAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var payload = body.ToJsonString();
        using var response = await _retry.ExecuteAsync(
            async token =>
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Upstream!.ToString().TrimEnd('/') + "/chat/completions"))
                {
                    Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                };
                if (!string.IsNullOrEmpty(_options.ApiKey))
                {
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
                }

                return await _upstream.SendAsync(message, token);
            },
            cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static Task Error(HttpContext context, HttpStatusCode status, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "dgm_gateway", ["code"] = (int)status } };
        return context.Response.WriteAsync(error.ToJsonString());
    }

    private static string Head(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public async ValueTask DisposeAsync()
    {
        GatewayChannel[] channels;
        lock (_gate)
        {
            channels = [.. _channels];
            _channels.Clear();
        }

        foreach (var channel in channels)
        {
            await channel.DisposeAsync();
        }

        _upstream.Dispose();
    }
}

/// <summary>One agent's socket into the gateway. Mount <see cref="Folder"/> read-only into its sandbox.</summary>
public sealed class GatewayChannel(WebApplication app, string folder, string agent, string task) : IAsyncDisposable
{
    public const string SocketName = "model.sock";

    public string Folder => folder;

    public string Agent => agent;

    public string Task => task;

    /// <summary>The endpoint the agent is given, as seen inside a sandbox that mounts the folder at <paramref name="mountPoint"/>.</summary>
    public static string EndpointInSandbox(string mountPoint = "/gateway") => $"unix:{mountPoint}/{SocketName}";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
