using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dgm.Archive;
using Dgm.Evolution.Gateway;

namespace Dgm.Evolution.Runs;

/// <summary>The model's answer could not be used as a diagnosis: the node is invalid with this reason.</summary>
public sealed class DiagnosisException : Exception
{
    public DiagnosisException()
    {
    }

    public DiagnosisException(string message)
        : base(message)
    {
    }

    public DiagnosisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The paper's diagnosis step with a model: read the parent's source outline, what its lineage shows and one
/// evaluation log, answer the five JSON fields. Goes through the gateway like every model call (usage,
/// budgets, cassettes); runs on the host, so the prompts stay out of the agent's reach. It reads train logs
/// only: whatever is not one of the run's train tasks (a holdout task's folder or line) is never read.
/// </summary>
public sealed class ModelDiagnoser(ModelGateway gateway, string model)
{
    private static readonly string[] Fields = ["log_summarization", "potential_improvements", "improvement_proposal", "implementation_suggestion", "problem_description"];

    /// <summary>
    /// Diagnoses one parent; returns the five fields and the problem statement its self-improvement works on.
    /// ancestors: the parent's ancestors' evaluation folders, nearest first (none for the seed); the nearest
    /// shows results that flipped, all of them what the lineage never resolved, lost, or ran that the parent did not.
    /// </summary>
    public async Task<(Diagnosis Diagnosis, string ProblemStatement)> DiagnoseAsync(
        string nodeId, string parentSourceDir, string evalsDir, IReadOnlyList<(string Id, string EvalsDir)> ancestors, IReadOnlySet<string> trainTasks, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ancestors);
        ArgumentNullException.ThrowIfNull(trainTasks);
        ArgumentNullException.ThrowIfNull(random);
        var evals = EvalSummary.Read(evalsDir).Only(trainTasks);
        var lineage = ancestors.Select(a => (a.Id, a.EvalsDir, Evals: EvalSummary.Read(a.EvalsDir).Only(trainTasks))).ToList();
        var previous = lineage.Count == 0 ? null : lineage[0].Evals;
        var prompt = SpecialDiagnosis(evals, previous, random) ?? OneLog(evalsDir, evals, lineage, random);
        if (LineageSection(evals, [.. lineage.Select(a => (a.Id, a.Evals))]) is { Length: > 0 } history)
        {
            prompt = $"{history}\n\n{prompt}";
        }

        var request = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "You are an expert in coding agents. You diagnose an agent's evaluation logs and propose ONE improvement to the agent's own source. Answer only a JSON object." },
                new JsonObject { ["role"] = "user", ["content"] = $"# The agent's source\n{Outline(parentSourceDir)}\n\n{prompt}\n\n{Instructions}" }),
            ["temperature"] = 0,
        };
        await using var channel = await gateway.OpenChannelAsync(nodeId, "diagnosis", cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(channel.Folder, GatewayChannel.SocketName)), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("http://gateway/v1/chat/completions"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DiagnosisException($"the diagnosis call failed ({(int)response.StatusCode}): {Head(body)}");
        }

        var diagnosis = Parse(ContentOf(body));
        var problem = $"""
            You are a coding agent working on your own source code (this repository).

            {diagnosis.ImplementationSuggestion}

            {diagnosis.ProblemDescription}
            """;
        return (diagnosis, problem);
    }

    /// <summary>The five fields from the model's text; a fenced block or text around the object is tolerated, anything else is an error.</summary>
    public static Diagnosis Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.IndexOf('{', StringComparison.Ordinal);
        var end = content.LastIndexOf('}');
        JsonObject? json = null;
        try
        {
            json = start >= 0 && end > start ? JsonNode.Parse(content[start..(end + 1)]) as JsonObject : null;
        }
        catch (JsonException)
        {
        }

        if (json is null)
        {
            throw new DiagnosisException($"the model's diagnosis is not a JSON object: {Head(content)}");
        }

        var missing = Fields.Where(f => json[f] is null).ToList();
        if (missing.Count > 0)
        {
            throw new DiagnosisException($"the model's diagnosis lacks {string.Join(", ", missing)}");
        }

        string F(string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : json[name]!.ToJsonString();
        return new Diagnosis(F(Fields[0]), F(Fields[1]), F(Fields[2]), F(Fields[3]), F(Fields[4]));
    }

    private static string ContentOf(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["choices"]?[0]?["message"]?["content"]?.GetValue<string>()
                ?? throw new DiagnosisException($"the model answered no text: {Head(body)}");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new DiagnosisException($"the model's answer is not a chat completion: {Head(body)}", e);
        }
    }

    /// <summary>
    /// The paper's special diagnoses, each drawn with probability 0.25 when the logs show it: many empty
    /// patches; flaky results (tasks the parent's own parent resolved that the parent lost: a small edit
    /// should not lose them, so the agent's outcome varies from run to run); context-window overflow.
    /// </summary>
    public static string? SpecialDiagnosis(EvalSummary evals, EvalSummary? previous, Random random)
    {
        ArgumentNullException.ThrowIfNull(evals);
        ArgumentNullException.ThrowIfNull(random);
        var empty = evals.Tasks.Count(t => !t.PatchExists);
        if (evals.Tasks.Count > 0 && empty * 2 > evals.Tasks.Count && random.NextDouble() < 0.25)
        {
            return $"# The problem\nThe agent produced an empty patch on {empty} of {evals.Tasks.Count} tasks: it often stops without editing any file. Find out why and make it always end with a real edit attempt.";
        }

        var lost = Flipped(evals, previous);
        if (lost.Count > 0 && random.NextDouble() < 0.25)
        {
            return $"# The problem\nThe agent's results are not stable: it lost {lost.Count} task(s) that the version it was derived from resolved ({string.Join(", ", lost)}). The same agent may fix a task on one run and miss it on the next. Make its outcome robust: generate several candidate patches, check each against the tests, and keep the best one.";
        }

        var overflow = evals.Tasks.Count(t => t.StopReason is "context_length");
        return overflow > 0 && random.NextDouble() < 0.25
            ? $"# The problem\nOn {overflow} tasks the agent stopped because its conversation outgrew the model's context window. Make it summarize or truncate its history so it can go on."
            : null;
    }

    /// <summary>The tasks both evaluations ran that the previous one resolved and this one did not.</summary>
    public static IReadOnlyList<string> Flipped(EvalSummary evals, EvalSummary? previous)
    {
        ArgumentNullException.ThrowIfNull(evals);
        var before = previous?.Tasks.Where(t => t.Resolved).Select(t => t.Task).ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. evals.Tasks.Where(t => !t.Resolved && before.Contains(t.Task)).Select(t => t.Task).Order(StringComparer.Ordinal)];
    }

    /// <summary>The most names a line of the lineage section lists.</summary>
    private const int MaxNames = 25;

    /// <summary>
    /// What the lineage shows beyond the parent's own logs: each ancestor's result, the tasks none of them nor
    /// the parent resolved (with how many tried), those an ancestor resolved that the parent does not, and those
    /// an ancestor ran that the parent was not given. Empty for the seed.
    /// </summary>
    public static string LineageSection(EvalSummary parent, IReadOnlyList<(string Id, EvalSummary Evals)> ancestors)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(ancestors);
        if (ancestors.Count == 0)
        {
            return "";
        }

        var tries = ancestors.SelectMany(a => a.Evals.Tasks.Select(t => (a.Id, Line: t))).Concat(parent.Tasks.Select(t => (Id: "parent", Line: t)))
            .GroupBy(x => x.Line.Task, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var own = parent.Tasks.GroupBy(t => t.Task, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Any(t => t.Resolved), StringComparer.Ordinal);
        var never = tries.Where(g => !g.Any(x => x.Line.Resolved)).Select(g => $"{g.Key} ({g.Count()})");
        var lost = tries.Where(g => own.TryGetValue(g.Key, out var resolved) && !resolved && g.Any(x => x.Line.Resolved))
            .Select(g => $"{g.Key} (node {g.First(x => x.Line.Resolved).Id})");
        var unseen = tries.Where(g => !own.ContainsKey(g.Key)).Select(g => g.First())
            .Select(x => $"{x.Line.Task} (node {x.Id}: {(x.Line.Resolved ? "resolved" : x.Line.StopReason ?? x.Line.Status)})");
        return string.Join('\n', [
            "# Its lineage (train tasks only; the nearest ancestor first)",
            .. ancestors.Select(a => $"- node {a.Id}: resolved {a.Evals.Tasks.Count(t => t.Resolved)} of {a.Evals.Tasks.Count}"),
            $"- never resolved by the parent or an ancestor (how many tried): {Names(never)}",
            $"- resolved by an ancestor, not by the parent: {Names(lost)}",
            $"- run by an ancestor, not given to the parent: {Names(unseen)}",
        ]);
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(MaxNames)) + (list.Count > MaxNames ? $", and {list.Count - MaxNames} more" : "");
    }

    /// <summary>
    /// One failed evaluation's log: a task the parent did not resolve, or when it resolved all it was given, one an
    /// ancestor did not resolve that the parent was not given (the nearest ancestor's log of it).
    /// </summary>
    private static string OneLog(string evalsDir, EvalSummary evals, IReadOnlyList<(string Id, string EvalsDir, EvalSummary Evals)> lineage, Random random)
    {
        var unresolved = evals.Tasks.Where(t => !t.Resolved).Select(t => (Line: t, Dir: evalsDir, From: "")).ToList();
        if (unresolved.Count == 0)
        {
            var own = evals.Tasks.Select(t => t.Task).ToHashSet(StringComparer.Ordinal);
            // Each task as the nearest ancestor that ran it saw it (as the lineage section says), then the unresolved ones.
            unresolved = [.. lineage.SelectMany(a => a.Evals.Tasks.Where(t => !own.Contains(t.Task)).Select(t => (Line: t, Dir: a.EvalsDir, From: $", in the log of its ancestor node {a.Id}")))
                .DistinctBy(x => x.Line.Task, StringComparer.Ordinal).Where(x => !x.Line.Resolved)];
        }

        if (unresolved.Count == 0)
        {
            return "# Evaluation\nThe agent resolved every task it was given. Propose an improvement that makes it faster or more robust.";
        }

        var (task, from, suffix) = unresolved[random.Next(unresolved.Count)];
        var dir = Path.Combine(from, task.Task);
        string Read(string name, int max) => File.Exists(Path.Combine(dir, name)) ? Head(File.ReadAllText(Path.Combine(dir, name)), max) : "(none)";
        return $"""
            # One evaluation of the agent: task {task.Task} ({task.Status}, stopped: {task.StopReason ?? "unknown"}{suffix})
            ## The problem statement it was given
            {Read("problem.md", 3000)}
            ## The patch it produced
            {Read("patch.diff", 4000)}
            ## Tests that failed after its patch
            {string.Join("\n", task.FailedTests)}
            ## Its trajectory (the end)
            {Tail(Read("trajectory.json", 1_000_000), 6000)}
            """;
    }

    private const string Instructions = """
        Answer with a JSON object with exactly these string fields:
        "log_summarization": how the agent went about the task and where it went wrong;
        "potential_improvements": general improvements to the agent's tools or workflow;
        "improvement_proposal": the ONE improvement to make now;
        "implementation_suggestion": how to implement it in the agent's source;
        "problem_description": the improvement phrased as a GitHub issue for the agent to fix in its own code.
        """;

    private static string Outline(string sourceDir)
    {
        var files = Directory.Exists(sourceDir)
            ? Directory.EnumerateFiles(sourceDir, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(sourceDir, f)).Order(StringComparer.Ordinal).ToList()
            : [];
        var loop = Path.Combine(sourceDir, "Agent.cs");
        return $"Files: {string.Join(", ", files)}\n\nAgent.cs (the loop):\n{(File.Exists(loop) ? Head(File.ReadAllText(loop), 6000) : "(missing)")}";
    }

    private static string Head(string text, int max = 300) => text.Length <= max ? text : text[..max] + "…";

    private static string Tail(string text, int max) => text.Length <= max ? text : "…" + text[^max..];
}
