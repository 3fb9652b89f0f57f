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
    public static Findings Diagnose(IReadOnlyList<TaskLog> logs, AgentSource source, IReadOnlyList<(string Name, string Code)>? donors = null)
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

        // No operator made the failing tests pass: which families does each failure point at most?
        var pointed = stuck.Select(l => (Log: l, Entries: Pointed(l))).ToList();
        var absent = Vocabulary.Operators.Where(e => !Has(present, e)).ToList();
        var unexplained = pointed.Count(p => p.Entries.Count == 0);
        foreach (var entry in Vocabulary.Operators)
        {
            var tasks = pointed.Where(p => p.Entries.Contains(entry)).Select(p => p.Log.Task).ToList();
            if (tasks.Count > 0)
            {
                summary.Add($"no candidate passed, and the problem points at {entry.Cause} ({(Has(present, entry) ? "operator present, " : "")}{tasks.Count}): {string.Join(", ", tasks)}");
            }
        }

        Count(summary, "no candidate passed, and no family is recognised in the problem", [.. pointed.Where(p => p.Entries.Count == 0).Select(p => p.Log)]);
        var symptoms = stuck.SelectMany(l => Clues.Of(l).Seen).GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (symptoms.Count > 0)
        {
            summary.Add("what their failures show: " + string.Join(", ", symptoms.Select(g => $"{g.Key[Symptoms.Prefix.Length..]} {g.Count()}")));
        }

        foreach (var entry in Vocabulary.Operators)
        {
            // A failure that points at k families counts 1/k for each; the unexplained ones are shared by the absent families
            // (by all of them, at the repeat weight, once none is absent). A family the agent has already can come again
            // with other parameters, at the repeat weight.
            var has = Has(present, entry);
            var share = (double)unexplained / (absent.Count > 0 ? absent.Count : Vocabulary.Operators.Count);
            var weight = (pointed.Where(p => p.Entries.Contains(entry)).Sum(p => 1.0 / p.Entries.Count) + (has && absent.Count > 0 ? 0 : share)) * (has ? Strategy.RepeatFamily : 1);
            proposals.Add(new($"add a repair operator of the family '{entry.Name}'{(has ? " (another one, with other parameters)" : "")}", entry.Cause, weight, (s, random) =>
            {
                var first = random.Next(2) == 0;
                var (name, values) = s.AddEntry(entry, random, first);
                return $"added the repair operator '{name}' ({values}), {(first ? "first" : "last")} in Operators.All";
            }));
        }

        // Localization missed: the problem names members, none of them was a suspect.
        var missed = stuck.Where(l => Suspects(l) is { Count: > 0 } suspects && Named(l.Problem) is { Count: > 0 } named && !named.Overlaps(suspects)).ToList();
        Count(summary, "the suspects missed every member the problem names", missed);
        proposals.Add(new("widen localization (more suspects, callees weighed more, or members the problem names weighed)", "localization missed the faulty member", missed.Count * Strategy.Knobs, (s, random) =>
        {
            switch (random.Next(3))
            {
                case 0:
                    return Change(s, "Suspects", s.Budget("Suspects") + random.Next(2, 5));
                case 1:
                    return Scale(s, "Localizer", "CalleeWeight", 2);
                default:
                    var old = s.Constant("Localizer", "ProblemNameWeight");
                    return Set(s, "Localizer", "ProblemNameWeight", old == 0 ? random.Next(1, 4) : old * 2);
            }
        }));

        var budget = unresolved.Where(l => l.StopReason == "budget").ToList();
        Count(summary, "the candidate budget ran out", budget);
        proposals.Add(new("try more candidates", "the candidate budget ran out", budget.Count * Strategy.Knobs, (s, random) =>
            Change(s, "MaxCandidates", Math.Round(s.Budget("MaxCandidates") * (random.Next(2) == 0 ? 1.5 : 2)))));
        proposals.Add(new("narrow localization (fewer suspects, more candidates each)", "the candidate budget ran out", budget.Count / 2.0 * Strategy.Knobs, (s, random) =>
            s.Budget("Suspects") > 2 ? Change(s, "Suspects", Math.Max(2, s.Budget("Suspects") - random.Next(1, 3))) : throw new InvalidOperationException("Suspects is already at its minimum")));

        // The budget ran out on candidates of one operator: try it only at some sites.
        var spent = present.ToDictionary(name => name, name => budget.Sum(l => l.Notes.Count(n => n.StartsWith("candidate ", StringComparison.Ordinal) && n.Contains($"[{name}]", StringComparison.Ordinal))), StringComparer.Ordinal);
        if (spent.Values.Sum() > 0)
        {
            proposals.Add(new("narrow an operator that spent the budget to some sites (conditions, loops, returns)", "the candidate budget ran out on one operator's candidates", budget.Count * Strategy.Narrow, (s, random) =>
            {
                var name = DrawName(spent, random);
                var code = s.Entries().First(e => e.Name == name).Code;
                var site = NarrowSites[random.Next(NarrowSites.Length)];
                s.ReplaceEntry("Operators", name, $"Rewrites.Where({code}, {site})");
                return $"narrowed the repair operator '{name}' to {site}";
            }));
        }

        // No single edit made the failing tests pass: two edits at once, of operators whose candidates came closest.
        var closer = present.ToDictionary(name => name, name => 1 + stuck.Sum(l => Closer(l, name)), StringComparer.Ordinal);
        if (stuck.Count > 0 && present.Count > 0)
        {
            proposals.Add(new("add a two-site operator: two edits of operators whose candidates came closest, applied together", "no candidate passed: one edit is not enough", stuck.Count * Strategy.Pair, (s, random) =>
            {
                var (a, b) = (DrawName(closer, random), DrawName(closer, random));
                var codes = s.Entries().ToDictionary(e => e.Name, e => e.Code, StringComparer.Ordinal);
                var max = PairSizes[random.Next(PairSizes.Length)];
                var taken = s.ListNames().ToHashSet(StringComparer.Ordinal);
                var name = Enumerable.Range(1, int.MaxValue - 1).Select(i => $"pair-{i}").First(n => !taken.Contains(n));
                s.AddEntry("Operators", name, $"Rewrites.Pair({codes[a]}, {codes[b]}, max: {max})", first: false);
                return $"added the two-site operator '{name}' ({a} with {b}, at most {max} pairs), last in Operators.All";
            }));
        }

        // Operators other agents of the archive have and this one lacks (recombination across branches).
        var own = source.Entries().Select(e => Normalized(e.Code)).ToHashSet(StringComparer.Ordinal);
        var foreign = (donors ?? []).Where(d => d.Name.Length > 0 && !own.Contains(Normalized(d.Code))).DistinctBy(d => Normalized(d.Code)).ToList();
        if (foreign.Count > 0)
        {
            summary.Add($"operators other agents of the archive have and this one lacks: {string.Join(", ", foreign.Select(f => f.Name).Distinct())}");
            proposals.Add(new("take in an operator another agent of the archive has", "no candidate passed: another branch may have learnt the operator", stuck.Count * Strategy.Recombine, (s, random) =>
            {
                var (name, code) = foreign[random.Next(foreign.Count)];
                var unique = s.FreeName("Operators", name);
                s.AddEntry("Operators", unique, code, first: false);
                return $"took in the repair operator '{unique}' from the archive ({code}), last in Operators.All";
            }));
        }

        var late = unresolved.Where(l => l.Status == "timeout").ToList();
        Count(summary, "the harness timed the agent out", late);
        proposals.Add(new("try fewer candidates", "the agent ran past the harness's time limit", late.Count * Strategy.Knobs, (s, random) =>
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
        foreach (var entry in Vocabulary.Reproducers.Where(e => !reproducers.Contains(e.Name)))
        {
            var weight = blind.Count(l => Evidence(entry, l) > 0) + blind.Count / 2.0;
            proposals.Add(new($"write a failing test from the problem statement before repairing ('{entry.Name}' of the vocabulary)", entry.Cause, weight, (s, random) =>
                $"added the reproducer '{entry.Name}' ({s.AddEntry(entry, random, first: false).Values}) to Reproducers.All"));
        }

        // A blind failure whose problem shows a bug of a family the agent lacks needs two edits before it can be repaired:
        // a test written from the problem, and an operator of that family. Alone, the first scores nothing (the test fails,
        // no candidate passes), so a lineage must get both in a row; proposed together, one child can open the task.
        var needs = blind.Select(l => (Log: l, Entries: Pointed(l).Where(e => !Has(present, e)).ToList())).Where(p => p.Entries.Count > 0).ToList();
        foreach (var entry in Vocabulary.Reproducers.Where(e => !reproducers.Contains(e.Name)))
        {
            var fits = needs.Where(p => Evidence(entry, p.Log) > 0).ToList();
            var families = Vocabulary.Operators.Select(f => (Family: f, Weight: fits.Sum(p => p.Entries.Contains(f) ? 1.0 / p.Entries.Count : 0))).Where(f => f.Weight > 0).ToList();
            if (families.Count > 0)
            {
                proposals.Add(new($"write a failing test from the problem statement ('{entry.Name}') and add an operator of the family its failures point at", entry.Cause, fits.Count * Strategy.Compound, (s, random) =>
                {
                    var family = SelfImprover.Draw(families, f => f.Weight, random).Family;
                    var (reproducer, values) = s.AddEntry(entry, random, first: false);
                    var first = random.Next(2) == 0;
                    var (name, parameters) = s.AddEntry(family, random, first);
                    return $"added the reproducer '{reproducer}' ({values}) to Reproducers.All and the repair operator '{name}' ({parameters}), {(first ? "first" : "last")} in Operators.All";
                }));
            }
        }

        // The improver's own weights: a child that proposes differently may improve better (only where there is
        // something to improve on: some other edit is proposed).
        proposals.RemoveAll(p => p.Weight <= 0);
        if (proposals.Count == 0)
        {
            return new(string.Join('\n', summary), []);
        }

        proposals.Add(new("tune one of the improver's own weights (Improve/Strategy.cs)", "the improver's choices are themselves a strategy", Strategy.SelfTune, (s, random) =>
        {
            var sites = Surface.Sites.Where(site => site.Name.StartsWith("Strategy.", StringComparison.Ordinal)).ToList();
            var name = sites[random.Next(sites.Count)].Name["Strategy.".Length..];
            var old = s.Constant("Strategy", name);
            var value = name == "Reach" ? Math.Max(0, old + (random.Next(2) == 0 ? -2 : 2)) : Math.Round(old * (random.Next(2) == 0 ? 1.5 : 1 / 1.5), 3);
            return Set(s, "Strategy", name, value);
        }));

        return new(string.Join('\n', summary), [.. proposals.Where(p => p.Weight > 0)]);
    }

    /// <summary>The grammar entries with the most evidence in the failure (none when no entry has any).</summary>
    public static IReadOnlyList<Family> Pointed(TaskLog log)
    {
        var clues = Clues.Of(log);
        var evidence = Vocabulary.Operators.Select(e => (Entry: e, Score: Evidence(e, clues))).ToList();
        var best = evidence.Max(e => e.Score);
        return best == 0 ? [] : [.. evidence.Where(e => e.Score == best).Select(e => e.Entry)];
    }

    /// <summary>
    /// How much evidence for the entry the failure holds: each of its words the problem statement and failing tests
    /// contain counts 1, each of its symptoms the failure messages show counts <see cref="Strategy.Symptom"/>.
    /// </summary>
    public static double Evidence(Family entry, TaskLog log) => Evidence(entry, Clues.Of(log));

    private static double Evidence(Family entry, Clues clues) =>
        entry.Evidence.Sum(word => word.StartsWith(Symptoms.Prefix, StringComparison.Ordinal)
            ? clues.Seen.Contains(word) ? Strategy.Symptom : 0
            : clues.Text.Contains(word, StringComparison.OrdinalIgnoreCase) ? 1 : 0);

    /// <summary>The symptoms the failure's messages show (without their prefix).</summary>
    public static IEnumerable<string> SymptomsOf(TaskLog log) => Clues.Of(log).Seen.Select(s => s[Symptoms.Prefix.Length..]);

    /// <summary>A failure's text (problem statement, failing tests) and the symptoms of its messages (the problem's and those the repair logged).</summary>
    private sealed record Clues(string Text, IReadOnlySet<string> Seen)
    {
        public static Clues Of(TaskLog log) => new(
            log.Problem + "\n" + string.Join('\n', log.FailedTests),
            Symptoms.Of(log.Problem + "\n" + string.Join('\n', log.Notes.Where(n => n.StartsWith("failure ", StringComparison.Ordinal)))));
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

    private static readonly string[] NarrowSites = ["Sites.InCondition", "Sites.InLoop", "Sites.InReturn", "Sites.Not(Sites.InLoop)", "Sites.Not(Sites.InLambda)"];

    private static readonly int[] PairSizes = [20, 40, 80];

    private static string Normalized(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Whether the agent has an operator of the family: its name, or its name numbered ("null-conditional-2").</summary>
    private static bool Has(IReadOnlyList<string> present, Family family) =>
        present.Any(n => n == family.Name || n.StartsWith(family.Name + "-", StringComparison.Ordinal) && int.TryParse(n[(family.Name.Length + 1)..], CultureInfo.InvariantCulture, out _));

    /// <summary>How many of the operator's candidates left fewer tests failing than the task started with.</summary>
    private static int Closer(TaskLog log, string name)
    {
        var start = log.Notes.FirstOrDefault(n => n.StartsWith("visible tests: ", StringComparison.Ordinal)) is { } visible && visible.IndexOf("failing: ", StringComparison.Ordinal) is var at and >= 0
            ? visible[(at + "failing: ".Length)..].Split(", ", StringSplitOptions.RemoveEmptyEntries).Length
            : 0;
        return log.Notes.Count(n => n.StartsWith("candidate ", StringComparison.Ordinal) && n.Contains($"[{name}]", StringComparison.Ordinal)
            && Failing().Match(n) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < start);
    }

    private static string DrawName(IReadOnlyDictionary<string, int> weights, Random random) =>
        SelfImprover.Draw(weights.ToList(), w => w.Value, random).Key;

    private static string Scale(AgentSource source, string type, string name, double factor) => Set(source, type, name, Math.Round(source.Constant(type, name) * factor, 3));

    private static string Set(AgentSource source, string type, string name, double value)
    {
        var old = source.Constant(type, name);
        source.SetConstant(type, name, value);
        return $"{type}.{name}: {old.ToString(CultureInfo.InvariantCulture)} -> {source.Constant(type, name).ToString(CultureInfo.InvariantCulture)}";
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

    [GeneratedRegex(@": (\d+) failing \(")]
    private static partial Regex Failing();

    [GeneratedRegex(@"\((\d+) ms\)")]
    private static partial Regex Duration();

    [GeneratedRegex(@"[:,] ([\w\[\]. ]+?) \([\d.,]+\)")]
    private static partial Regex SuspectName();

    [GeneratedRegex(@"\b([A-Z]\w*)\(")]
    private static partial Regex CalledName();
}
