using System.Globalization;
using System.Text.RegularExpressions;

namespace Dgm.Agent.Improve;

/// <summary>
/// An edit of the agent's source that addresses a cause seen in the logs, weighted by how often it was seen.
/// Apply makes the edit (drawing its parameters) and says what it changed; it throws InvalidOperationException when it does not apply.
/// </summary>
public sealed record Proposal(string Title, string Cause, double Weight, Func<AgentSource, Random, string> Apply);

/// <summary>What the logs say, and the edits that address what went wrong.</summary>
public sealed record Findings(string Summary, IReadOnlyList<Proposal> Proposals);

/// <summary>
/// Diagnoses the parent's evaluation logs without a model: counts why tasks failed (no operator fits,
/// localization missed, budget, timed-out candidates, plausible patches the hidden tests reject) and
/// proposes one source edit per cause.
/// </summary>
public static partial class Diagnoser
{
    public static Findings Diagnose(IReadOnlyList<TaskLog> logs, AgentSource source)
    {
        var present = ListNames(source);
        var unresolved = logs.Where(l => !l.Resolved).ToList();
        var stuck = unresolved.Where(l => l.StopReason is "no_candidate_passed" or "budget").ToList();
        var summary = new List<string>
        {
            $"{logs.Count} task(s) evaluated, {logs.Count(l => l.Resolved)} resolved{(logs.Any(l => l.Depth > 0) ? $" ({logs.Count(l => l.Depth > 0)} of them as the lineage's ancestors saw them)" : "")}.",
            "stop reasons: " + string.Join(", ", logs.GroupBy(l => l.StopReason is "" ? "unknown" : l.StopReason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")),
        };
        var proposals = new List<Proposal>();

        // No operator made the failing tests pass: which grammar entries does each failure point at most?
        var pointed = stuck.Select(l => (Log: l, Entries: Pointed(l))).ToList();
        var absent = OperatorGrammar.Entries.Where(e => !present.Contains(e.Name)).ToList();
        var unexplained = pointed.Count(p => p.Entries.Count == 0);
        foreach (var entry in OperatorGrammar.Entries)
        {
            var tasks = pointed.Where(p => p.Entries.Contains(entry)).Select(p => p.Log.Task).ToList();
            if (tasks.Count > 0)
            {
                summary.Add($"no candidate passed, and the problem points at {entry.Cause} ({(present.Contains(entry.Name) ? "operator present, " : "")}{tasks.Count}): {string.Join(", ", tasks)}");
            }
        }

        Count(summary, "no candidate passed, and no grammar entry is recognised in the problem", [.. pointed.Where(p => p.Entries.Count == 0).Select(p => p.Log)]);
        foreach (var entry in absent)
        {
            // A failure that points at k entries counts 1/k for each; the unexplained ones are shared by all absent entries.
            var weight = pointed.Where(p => p.Entries.Contains(entry)).Sum(p => 1.0 / p.Entries.Count) + (double)unexplained / absent.Count;
            proposals.Add(new($"add the repair operator '{entry.Name}' drawn from the grammar", entry.Cause, weight, (s, random) =>
            {
                var first = random.Next(2) == 0;
                return $"added the repair operator '{entry.Name}' ({s.AddFromGrammar(entry, random, first)}), {(first ? "first" : "last")} in Operators.All";
            }));
        }

        // Localization missed: the problem names members, none of them was a suspect.
        var missed = stuck.Where(l => Suspects(l) is { Count: > 0 } suspects && Named(l.Problem) is { Count: > 0 } named && !named.Overlaps(suspects)).ToList();
        Count(summary, "the suspects missed every member the problem names", missed);
        proposals.Add(new("widen localization (more suspects, or callees of the failing code weighed more)", "localization missed the faulty member", missed.Count, (s, random) =>
        {
            if (random.Next(2) == 0)
            {
                return Change(s, "Suspects", s.Budget("Suspects") + random.Next(2, 5));
            }

            var old = s.Constant("Localizer", "CalleeWeight");
            s.SetConstant("Localizer", "CalleeWeight", Math.Round(old * 2, 3));
            return $"Localizer.CalleeWeight: {old.ToString(CultureInfo.InvariantCulture)} -> {Math.Round(old * 2, 3).ToString(CultureInfo.InvariantCulture)}";
        }));

        var budget = unresolved.Where(l => l.StopReason == "budget").ToList();
        Count(summary, "the candidate budget ran out", budget);
        proposals.Add(new("try more candidates", "the candidate budget ran out", budget.Count, (s, random) =>
            Change(s, "MaxCandidates", Math.Round(s.Budget("MaxCandidates") * (random.Next(2) == 0 ? 1.5 : 2)))));
        proposals.Add(new("narrow localization (fewer suspects, more candidates each)", "the candidate budget ran out", budget.Count / 2.0, (s, random) =>
            s.Budget("Suspects") > 2 ? Change(s, "Suspects", Math.Max(2, s.Budget("Suspects") - random.Next(1, 3))) : throw new InvalidOperationException("Suspects is already at its minimum")));

        var late = unresolved.Where(l => l.Status == "timeout").ToList();
        Count(summary, "the harness timed the agent out", late);
        proposals.Add(new("try fewer candidates", "the agent ran past the harness's time limit", late.Count, (s, random) =>
            Change(s, "MaxCandidates", Math.Max(20, Math.Round(s.Budget("MaxCandidates") * (random.Next(2) == 0 ? 0.5 : 0.7))))));

        var timedOut = logs.Where(l => l.Notes.Any(n => n.StartsWith("candidate ", StringComparison.Ordinal) && n.EndsWith(": timed out", StringComparison.Ordinal))).ToList();
        Count(summary, "candidates timed out", timedOut);
        var slowest = logs.SelectMany(l => l.Notes).Select(n => Duration().Match(n)).Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        proposals.Add(new("fit the candidate test timeout to the observed test times", "candidates timed out", timedOut.Count, (s, _) =>
        {
            var current = s.Budget("CandidateTestSeconds");
            var fitted = slowest > 0 ? Math.Ceiling(slowest * 3 / 1000) : double.MaxValue;
            return Change(s, "CandidateTestSeconds", fitted < current ? Math.Max(2, fitted) : current * 1.5);
        }));

        // Operators by observed success: passing candidates, plausible patches resolved (or rejected by the hidden tests).
        var overfit = unresolved.Where(l => l.StopReason == "plausible_patch").ToList();
        Count(summary, "plausible patches the hidden tests rejected", overfit);
        var order = present.OrderByDescending(name => Success(logs, name)).ToList();
        if (!order.SequenceEqual(present))
        {
            proposals.Add(new("reorder the operators by observed success", "operators that succeed are tried late (or overfit early)", overfit.Count + 1, (s, _) =>
            {
                s.OrderOperators(order);
                return $"reordered Operators.All by observed success: {string.Join(", ", order)}";
            }));
        }

        // No visible test failed: the repair never started. A reproducer writes one from the problem statement.
        var blind = unresolved.Where(l => l.StopReason == "no_failing_test").ToList();
        var reproducers = ListNames(source, "Reproducers");
        Count(summary, $"no visible test failed, so the repair never started (reproducers: {(reproducers.Count == 0 ? "none" : string.Join(", ", reproducers))})", blind);
        foreach (var entry in OperatorGrammar.Reproducers.Where(e => !reproducers.Contains(e.Name)))
        {
            var weight = blind.Count(l => Evidence(entry, l) > 0) + blind.Count / 2.0;
            proposals.Add(new($"write a failing test from the problem statement before repairing ('{entry.Name}' drawn from the grammar)", entry.Cause, weight, (s, random) =>
                $"added the reproducer '{entry.Name}' ({s.AddFromGrammar(entry, random, first: false, owner: "Reproducers", member: "Write")}) to Reproducers.All"));
        }

        return new(string.Join('\n', summary), [.. proposals.Where(p => p.Weight > 0)]);
    }

    /// <summary>The grammar entries with the most evidence in the failure (none when no entry has any).</summary>
    public static IReadOnlyList<OperatorTemplate> Pointed(TaskLog log)
    {
        var best = OperatorGrammar.Entries.Max(e => Evidence(e, log));
        return best == 0 ? [] : [.. OperatorGrammar.Entries.Where(e => Evidence(e, log) == best)];
    }

    /// <summary>How many of the entry's evidence words the failure's problem statement and failing tests contain.</summary>
    public static int Evidence(OperatorTemplate entry, TaskLog log)
    {
        var text = log.Problem + "\n" + string.Join('\n', log.FailedTests);
        return entry.Evidence.Count(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A score per operator: +1 per passing candidate, +3 per resolved plausible patch, -3 per rejected one.</summary>
    private static int Success(IReadOnlyList<TaskLog> logs, string name) =>
        logs.Sum(l => l.Notes.Count(n => n.StartsWith("candidate ", StringComparison.Ordinal) && n.Contains($"[{name}]", StringComparison.Ordinal) && n.Contains(": pass", StringComparison.Ordinal))
            + l.Notes.Count(n => n.StartsWith($"stop: plausible_patch: [{name}]", StringComparison.Ordinal)) * (l.Resolved ? 3 : -3));

    private static HashSet<string> Suspects(TaskLog log) =>
        [.. log.Notes.Where(n => n.StartsWith("suspects in ", StringComparison.Ordinal)).SelectMany(n => SuspectName().Matches(n).Select(m => m.Groups[1].Value))];

    private static HashSet<string> Named(string problem) => [.. CalledName().Matches(problem).Select(m => m.Groups[1].Value)];

    private static IReadOnlyList<string> ListNames(AgentSource source, string owner = "Operators")
    {
        try
        {
            return source.ListNames(owner);
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    private static string Change(AgentSource source, string parameter, double value)
    {
        var old = source.Budget(parameter);
        source.SetBudget(parameter, value);
        return $"RepairBudget.{parameter}: {old.ToString(CultureInfo.InvariantCulture)} -> {value.ToString(CultureInfo.InvariantCulture)}";
    }

    private static void Count(List<string> summary, string cause, IReadOnlyList<TaskLog> logs)
    {
        if (logs.Count > 0)
        {
            summary.Add($"{cause} ({logs.Count}): {string.Join(", ", logs.Select(l => l.Task))}");
        }
    }

    [GeneratedRegex(@"\((\d+) ms\)")]
    private static partial Regex Duration();

    [GeneratedRegex(@"[:,] ([\w\[\]. ]+?) \([\d.,]+\)")]
    private static partial Regex SuspectName();

    [GeneratedRegex(@"\b([A-Z]\w*)\(")]
    private static partial Regex CalledName();
}
