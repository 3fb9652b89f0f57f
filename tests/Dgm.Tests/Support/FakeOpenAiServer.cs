using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dgm.Tests.Support;

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback that answers from a script: the test
/// double at the model boundary. Records every request (body and Authorization header).
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<string>> _script = new();
    private readonly ConcurrentQueue<int> _statuses = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Authorization, JsonNode Body)> Requests { get; } = new();

    public string Endpoint => _app.Urls.First() + "/v1";

    /// <summary>How long each answer takes (a slow model), so requests overlap.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxConcurrent => _maxConcurrent;

    private int _concurrent;
    private int _maxConcurrent;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            server.Requests.Enqueue((context.Request.Headers.Authorization.ToString(), body!));
            var now = Interlocked.Increment(ref server._concurrent);
            int seen;
            while (now > (seen = server._maxConcurrent) && Interlocked.CompareExchange(ref server._maxConcurrent, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(server.Delay);
            }
            finally
            {
                Interlocked.Decrement(ref server._concurrent);
            }

            if (server._statuses.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsync("{\"error\":{\"message\":\"try later\"}}");
                return;
            }

            var answer = server._script.TryDequeue(out var next) ? next() : Reply(content: "DONE");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        return server;
    }

    public FakeOpenAiServer ThenToolCall(string function, object arguments) { _script.Enqueue(() => Reply(toolName: function, toolArguments: JsonSerializer.Serialize(arguments))); return this; }

    public FakeOpenAiServer ThenSay(string content) { _script.Enqueue(() => Reply(content: content)); return this; }

    /// <summary>The next request gets this HTTP status (before the scripted answers resume).</summary>
    public FakeOpenAiServer FailNextWith(int status) { _statuses.Enqueue(status); return this; }

    public FakeOpenAiServer ThenRaw(string body) { _script.Enqueue(() => body); return this; }

    private static string Reply(string? content = null, string? toolName = null, string? toolArguments = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (toolName is not null)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = $"call_{Guid.NewGuid():N}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = toolName, ["arguments"] = toolArguments },
            });
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = toolName is null ? "stop" : "tool_calls" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
