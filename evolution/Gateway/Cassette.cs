using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dgm.Evolution.Gateway;

/// <summary>
/// A recording of model exchanges as JSON lines, answered by the request's content: the same request
/// (same model, messages and tools) gets the same recorded answer. Thread-safe. Never holds a key:
/// only request bodies (what the agent sent) and response bodies are written.
/// </summary>
public sealed class Cassette
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly Dictionary<string, Queue<string>> _answers = [];

    private Cassette(string path) => _path = path;

    public static Cassette ForRecording(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, "");
        return new Cassette(path);
    }

    public static Cassette ForReplay(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The cassette '{path}' does not exist; record one first.", path);
        }

        var cassette = new Cassette(path);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                var entry = JsonNode.Parse(text)!;
                var key = (string?)entry["key"] ?? throw new FormatException("no key");
                var response = entry["response"]?.ToJsonString() ?? throw new FormatException("no response");
                if (!cassette._answers.TryGetValue(key, out var queue))
                {
                    queue = new Queue<string>();
                    cassette._answers[key] = queue;
                }

                queue.Enqueue(response);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new FormatException($"The cassette '{path}' is corrupt at line {line}: {e.Message}", e);
            }
        }

        return cassette;
    }

    /// <summary>
    /// What identifies a request: its canonical JSON without the model name, hashed (a replay may name
    /// any model; the conversation and the tools decide the answer).
    /// </summary>
    public static string KeyOf(JsonNode request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = request.DeepClone();
        if (copy is JsonObject body)
        {
            body.Remove("model");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToJsonString())));
    }

    public void Record(string key, JsonNode request, JsonNode response)
    {
        var line = new JsonObject { ["key"] = key, ["request"] = request.DeepClone(), ["response"] = response.DeepClone() }.ToJsonString();
        lock (_gate)
        {
            File.AppendAllText(_path, line + "\n");
        }
    }

    /// <summary>The recorded answer, or null when this request was never recorded. Repeated requests get their answers in order; the last one repeats.</summary>
    public string? Answer(string key)
    {
        lock (_gate)
        {
            if (!_answers.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                return null;
            }

            return queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        }
    }
}
