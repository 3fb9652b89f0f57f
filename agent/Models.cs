using System.Net.Sockets;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Dgm.Agent;

/// <summary>
/// Turns --model into a chat service. "openai:MODEL" talks to any OpenAI-compatible server; the endpoint
/// comes from --endpoint, DGM_MODEL_ENDPOINT or OPENAI_BASE_URL, and may be "unix:/path.sock" (the model
/// gateway mounted into a sandbox). The key comes from DGM_API_KEY or OPENAI_API_KEY and is never printed.
/// </summary>
public static class Models
{
    public static IChatCompletionService Create(string spec, string? endpoint)
    {
        if (!spec.StartsWith("openai:", StringComparison.Ordinal) || spec.Length <= "openai:".Length)
        {
            throw new ArgumentException($"Unknown model '{spec}': use openai:MODEL or heuristic.");
        }

        var model = spec["openai:".Length..];
        endpoint ??= Environment.GetEnvironmentVariable("DGM_MODEL_ENDPOINT") ?? Environment.GetEnvironmentVariable("OPENAI_BASE_URL") ?? "https://api.openai.com/v1";
        var key = Environment.GetEnvironmentVariable("DGM_API_KEY") ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "no-key";
        if (endpoint.StartsWith("unix:", StringComparison.Ordinal))
        {
            // Through the gateway: it holds the real key; the sandbox never sees one.
            return new OpenAIChatCompletionService(model, new Uri("http://gateway/v1"), "gateway", httpClient: UnixSocketClient(endpoint["unix:".Length..]));
        }

        return new OpenAIChatCompletionService(model, new Uri(endpoint), key, httpClient: new HttpClient { Timeout = TimeSpan.FromMinutes(5) });
    }

    private static HttpClient UnixSocketClient(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(5) };
    }
}
