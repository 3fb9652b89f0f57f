using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Dgm.Agent;

/// <summary>What the model saw and did, written to disk after every step so a crash leaves it readable.</summary>
public sealed class Trajectory(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly List<string> _notes = [];
    private readonly List<object> _candidates = [];
    private List<object> _messages = [];
    private Improve.Diagnosis? _diagnosis;
    private string? _problemStatement;

    public string? StopReason { get; private set; }

    public long Tokens { get; private set; }

    public void Record(ChatHistory history)
    {
        _messages = [.. history.Select(Describe)];
        Save();
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Save();
    }

    public void CountTokens(ChatMessageContent reply)
    {
        if (reply.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage tokens)
        {
            Tokens += tokens.TotalTokenCount;
        }
    }

    /// <summary>
    /// An edit the offline repair tried, as the one span of <paramref name="file"/> (relative to the repository) it
    /// replaced, and what its check found; written with the next note. The harness keeps these as patches.
    /// </summary>
    public void Candidate(string op, string file, string before, string after, string verdict)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        _candidates.Add(new { @operator = op, file = file.Replace('\\', '/'), start = prefix, length = before.Length - prefix - suffix, text = after[prefix..^suffix], verdict });
    }

    /// <summary>Self-improvement: the diagnosis of the logs and the problem statement it became.</summary>
    public void Describe(Improve.Diagnosis diagnosis, string problemStatement)
    {
        _diagnosis = diagnosis;
        _problemStatement = problemStatement;
        Save();
    }

    /// <summary>Ends the run with a reason; returns the reason.</summary>
    public string Stop(string reason, string detail)
    {
        StopReason = reason;
        _notes.Add($"stop: {reason}: {detail}");
        Save();
        return reason;
    }

    private static object Describe(ChatMessageContent message) => new
    {
        role = message.Role.Label,
        content = message.Content,
        tool_calls = message.Items.OfType<FunctionCallContent>().Select(c => new { c.Id, c.FunctionName, arguments = c.Arguments?.ToDictionary(a => a.Key, a => a.Value?.ToString()) }),
        tool_results = message.Items.OfType<FunctionResultContent>().Select(r => new { r.CallId, r.FunctionName, result = r.Result?.ToString() }),
    };

    private void Save()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new { stop_reason = StopReason, tokens = Tokens, candidates = _candidates, notes = _notes, messages = _messages, diagnosis = _diagnosis, problem_statement = _problemStatement }, Json));
        File.Move(temp, path, overwrite: true);
    }
}
