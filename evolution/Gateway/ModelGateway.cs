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
/// gateway forwards to the upstream with the API key added here, reserves each request's largest possible
/// cost against the budgets per run, agent and task before forwarding (HTTP 402 when they cannot hold it) and
/// settles at the real cost, caps completion tokens, limits each channel's connections, concurrency and rate
/// (closed or HTTP 429), records or replays exchanges, and retries 429 and 5xx answers with backoff. Thread-safe.
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
        var limits = _options.Limits;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenUnixSocket(socket);

            // One sandbox's flood of connections is closed at the door, never held by the host.
            k.Limits.MaxConcurrentConnections = limits.MaxConnections;
            k.Limits.MaxConcurrentUpgradedConnections = limits.MaxConnections;
            k.Limits.MaxRequestBodySize = limits.MaxRequestBytes;
            k.Limits.KeepAliveTimeout = limits.IdleTimeout;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var guard = new ChannelGuard(limits);
        app.MapPost("/v1/chat/completions", (HttpContext context) => GuardedAsync(context, guard, agent, task));
        app.MapFallback((HttpContext context) => Error(context, HttpStatusCode.NotFound, $"the gateway serves POST /v1/chat/completions only, not {context.Request.Method} {context.Request.Path}"));
        await app.StartAsync(cancellationToken);

        // The sandbox runs as another user: it must be allowed to connect.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(socket, (UnixFileMode)0b110_110_110);
        }

        var channel = new GatewayChannel(app, folder, agent, task, guard);
        lock (_gate)
        {
            _channels.Add(channel);
        }

        return channel;
    }

    private async Task GuardedAsync(HttpContext context, ChannelGuard guard, string agent, string task)
    {
        using var admission = guard.Admit();
        if (admission.Refusal is { } refusal)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(admission.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Error(context, HttpStatusCode.TooManyRequests, refusal);
            return;
        }

        await HandleAsync(context, agent, task);
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
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Error(context, HttpStatusCode.RequestEntityTooLarge, $"the request is larger than the gateway accepts ({_options.Limits.MaxRequestBytes} bytes)");
            return;
        }

        if (request is not JsonObject body)
        {
            await Error(context, HttpStatusCode.BadRequest, "the request must be a JSON object");
            return;
        }

        var model = (string?)body["model"] ?? "";
        if (_options.Mode != GatewayMode.Replay && _options.Budgets.HasDollarLimit && !_options.Prices.Knows(model))
        {
            await Error(context, HttpStatusCode.BadRequest, $"the model '{model}' has no price, so a dollar budget cannot be kept: add it to the price table (--prices) or budget in tokens");
            return;
        }

        // The cassette key is the agent's request as sent; the upstream gets it with the completion cap.
        var key = Cassette.KeyOf(body);
        var (forward, completionCap) = Capped(body);
        var promptBound = (long)System.Text.Encoding.UTF8.GetByteCount(body.ToJsonString()); // a token is at least one byte
        var reservation = Usage.TryReserve(agent, task, promptBound + completionCap, _options.Prices.Cost(model, promptBound, completionCap), out var refusal);
        if (reservation is null)
        {
            await Error(context, HttpStatusCode.PaymentRequired, $"budget exceeded: {refusal}");
            return;
        }

        var (tokens, dollars) = (0L, 0.0);
        try
        {
            (tokens, dollars) = await AnswerAsync(context, body, forward, key, model, reservation);
        }
        finally
        {
            Usage.Settle(reservation, tokens, dollars);
        }
    }

    /// <summary>Answers one admitted, reserved request; returns what it cost (nothing when it was not answered).</summary>
    private async Task<(long Tokens, double Dollars)> AnswerAsync(HttpContext context, JsonObject body, JsonObject forward, string key, string model, Reservation reservation)
    {
        string answer;
        if (_options.Mode == GatewayMode.Replay)
        {
            answer = _cassette!.Answer(key) ?? "";
            if (answer.Length == 0)
            {
                await Error(context, HttpStatusCode.NotFound, "replay: this request was never recorded (the agent asked something new); record the run again");
                return (0, 0);
            }
        }
        else
        {
            var (status, text) = await ForwardAsync(forward, context.RequestAborted);
            if (status != HttpStatusCode.OK)
            {
                await Error(context, status == HttpStatusCode.PaymentRequired ? HttpStatusCode.PaymentRequired : HttpStatusCode.BadGateway, $"upstream answered {(int)status}: {Head(text)}");
                return (0, 0);
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
            // A garbled answer may still have been billed upstream: it costs its reservation.
            await Error(context, HttpStatusCode.BadGateway, $"the model's answer is not a chat completion: {Head(answer)}");
            return _options.Mode == GatewayMode.Replay ? (0, 0) : (reservation.Tokens, reservation.Dollars);
        }

        // An answer without usage is charged its whole reservation: the budget never trusts a missing count.
        var usage = response["usage"];
        var (prompt, completion) = usage?["prompt_tokens"] is null || usage["completion_tokens"] is null
            ? (reservation.Tokens, 0L)
            : ((long?)usage["prompt_tokens"] ?? 0, (long?)usage["completion_tokens"] ?? 0);
        if (_options.Mode == GatewayMode.Record)
        {
            _cassette!.Record(key, body, response);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
        return (prompt + completion, usage?["prompt_tokens"] is null ? reservation.Dollars : _options.Prices.Cost(model, prompt, completion));
    }

    /// <summary>The request to forward, with max_tokens (or max_completion_tokens) at most the gateway's cap, and that cap.</summary>
    private (JsonObject Forward, int Cap) Capped(JsonObject body)
    {
        var forward = (JsonObject)body.DeepClone();
        var field = forward.ContainsKey("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        long? asked = null;
        try
        {
            asked = (long?)forward[field];
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            // Not a number: the cap replaces it.
        }

        var cap = (int)Math.Clamp(asked ?? _options.MaxCompletionTokens, 1, _options.MaxCompletionTokens);
        forward[field] = cap;
        return (forward, cap);
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
        return context.Response.WriteAsync(error.ToJsonString(Readable));
    }

    // Messages are read by agents and people: no \u0027 for an apostrophe.
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
public sealed class GatewayChannel(WebApplication app, string folder, string agent, string task, ChannelGuard guard) : IAsyncDisposable
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
        guard.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
