using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Tasks;

namespace Dgm.Benchmarks.Perf;

/// <summary>One patch of the agreement corpus: where it came from (gold, empty, agent) and its text.</summary>
public sealed record CorpusPatch(BenchTask Task, string Kind, string Source, string Patch)
{
    /// <summary>The first 12 hex digits of the patch text's SHA-256: the corpus keeps one copy of each patch per task.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Patch)))[..12];
}

/// <summary>How one patch was graded by both paths, and whether the verdicts are equal.</summary>
public sealed record AgreementRow(CorpusPatch Patch, TaskReport Full, TaskReport Fast)
{
    /// <summary>The same status, and the same status for every FAIL_TO_PASS and PASS_TO_PASS test.</summary>
    public bool Agrees => Full.Status == Fast.Status
        && Full.Tests.Count == Fast.Tests.Count
        && Full.Tests.All(t => Fast.Tests.TryGetValue(t.Key, out var s) && s == t.Value);

    public string Difference => Agrees ? ""
        : Full.Status != Fast.Status ? $"status {Full.Status} (full) vs {Fast.Status} (fast)"
        : string.Join(", ", Full.Tests.Where(t => !Fast.Tests.TryGetValue(t.Key, out var s) || s != t.Value).Take(3).Select(t => $"{t.Key}: {t.Value} vs {(Fast.Tests.TryGetValue(t.Key, out var s) ? s : "absent")}"));
}

/// <summary>
/// The agreement check of the fast grading path: every patch of a corpus (each task's gold and empty patch,
/// and agent patches collected from run folders or kept in a corpus folder) graded by the full path and by the
/// fast one; the verdict and every test's status must be equal.
/// </summary>
public static class Agreement
{
    /// <summary>Each task's gold patch and empty patch.</summary>
    public static IEnumerable<CorpusPatch> GoldAndEmpty(IEnumerable<BenchTask> tasks) =>
        tasks.SelectMany(t => new[] { new CorpusPatch(t, "gold", "gold.patch", t.GoldPatch), new CorpusPatch(t, "empty", "empty", "") });

    /// <summary>
    /// Agent patches under <paramref name="folders"/>: run folders (`nodes/*/evals|holdout/TASK/patch.diff`, kind
    /// "agent", and every edit the offline repair tried, from the `candidates` of the `trajectory.json` beside it,
    /// kind "candidate") and corpus folders (`TASK/*.patch`, `TASK/candidate-*.patch`), matched to tasks by folder
    /// name; empty ones are left out (the empty patch is in the corpus once per task), duplicates per task and kind
    /// are kept once.
    /// </summary>
    public static IReadOnlyList<CorpusPatch> AgentPatches(IEnumerable<string> folders, IReadOnlyList<BenchTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var byId = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byId.TryAdd(Path.GetFileName(task.Folder), task);
        }

        var found = new Dictionary<(string, string, string), CorpusPatch>();
        void Add(CorpusPatch patch) => found.TryAdd((patch.Task.Id, patch.Kind, patch.Hash), patch);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No folder {folder}: give run folders or corpus folders of patches.");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (!byId.TryGetValue(Path.GetFileName(Path.GetDirectoryName(file)!), out var task))
                {
                    continue;
                }

                if (name == "trajectory.json")
                {
                    foreach (var candidate in Candidates(task, file, Path.GetRelativePath(folder, file)))
                    {
                        Add(candidate);
                    }

                    continue;
                }

                if ((name != "patch.diff" && !name.EndsWith(".patch", StringComparison.Ordinal)) || File.ReadAllText(file) is not { } text || string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                Add(new CorpusPatch(task, name.StartsWith("candidate-", StringComparison.Ordinal) ? "candidate" : "agent", Path.GetRelativePath(folder, file), text));
            }
        }

        return [.. found.Values];
    }

    /// <summary>The edits an offline repair tried, each as a patch of the task's repository file it changed (none from an unreadable log or a file that is not there).</summary>
    private static IEnumerable<CorpusPatch> Candidates(BenchTask task, string trajectory, string source)
    {
        var index = 0;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, start, length, text) in Edits(trajectory))
        {
            index++;
            var path = Path.GetFullPath(Path.Combine(task.RepoDir, file));
            if (!path.StartsWith(Path.GetFullPath(task.RepoDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                continue;
            }

            var before = files.TryGetValue(path, out var read) ? read : files[path] = File.ReadAllText(path);
            if (start < 0 || length < 0 || start + length > before.Length)
            {
                continue;
            }

            var patch = UnifiedDiff.Of(file.Replace('\\', '/'), before, string.Concat(before.AsSpan(0, start), text, before.AsSpan(start + length)));
            if (patch.Length > 0)
            {
                yield return new CorpusPatch(task, "candidate", $"{source}#{index}", patch);
            }
        }
    }

    private static List<(string File, int Start, int Length, string Text)> Edits(string trajectory)
    {
        try
        {
            using var log = System.Text.Json.JsonDocument.Parse(File.ReadAllText(trajectory));
            return log.RootElement.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == System.Text.Json.JsonValueKind.Array
                ? [.. candidates.EnumerateArray().Select(c => (c.GetProperty("file").GetString() ?? "", c.GetProperty("start").GetInt32(), c.GetProperty("length").GetInt32(), c.GetProperty("text").GetString() ?? ""))]
                : [];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return [];
        }
    }

    /// <summary>
    /// At most <paramref name="count"/> of <paramref name="patches"/>, taken in turn from each task and kind (each
    /// group in hash order), so a sample covers every task and kind; the same corpus gives the same sample.
    /// </summary>
    public static IEnumerable<CorpusPatch> Spread(IEnumerable<CorpusPatch> patches, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var groups = patches.GroupBy(p => (p.Task.Id, p.Kind))
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g => new Queue<CorpusPatch>(g.OrderBy(p => p.Hash, StringComparer.Ordinal)))
            .ToList();
        var taken = 0;
        while (taken < count && groups.Any(g => g.Count > 0))
        {
            foreach (var group in groups.Where(g => g.Count > 0))
            {
                if (taken++ >= count)
                {
                    yield break;
                }

                yield return group.Dequeue();
            }
        }
    }

    /// <summary>Keeps agent patches in a corpus folder (`TASK/HASH.patch`), so the corpus outlives the runs it came from.</summary>
    public static int Save(IEnumerable<CorpusPatch> patches, string corpus)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var written = 0;
        foreach (var patch in patches.Where(p => p.Kind is "agent" or "candidate"))
        {
            var file = Path.Combine(corpus, Path.GetFileName(patch.Task.Folder), (patch.Kind == "candidate" ? "candidate-" : "") + patch.Hash + ".patch");
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, patch.Patch);
                written++;
            }
        }

        return written;
    }

    /// <summary>Grades every patch both ways, <paramref name="workers"/> at a time.</summary>
    public static async Task<IReadOnlyList<AgreementRow>> CheckAsync(Grader grader, IReadOnlyList<CorpusPatch> corpus, int workers, Action<AgreementRow>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(corpus);
        var rows = new AgreementRow[corpus.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, corpus.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var patch = corpus[i];
                var full = await grader.GradeAsync(patch.Task, patch.Patch, token, runEmpty: true, path: GradingPath.Full);
                var fast = await grader.GradeAsync(patch.Task, patch.Patch, token, runEmpty: true, path: GradingPath.Fast);
                rows[i] = new AgreementRow(patch, full, fast);
                progress?.Invoke(rows[i]);
            });
        return rows;
    }

    /// <summary>The figures: per kind of patch, how many, how many graded fast, how many agree, and the median seconds of each path.</summary>
    public static string Markdown(IReadOnlyList<AgreementRow> rows, string suites)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `dgm bench agree` on {suites}: {rows.Count} patches, {rows.Count(r => r.Agrees)} equal verdicts ({(rows.Count == 0 ? 0 : 100.0 * rows.Count(r => r.Agrees) / rows.Count):0.0}%).");
        text.AppendLine();
        text.AppendLine("| patches | count | graded fast | fell back | equal verdicts | full median s | fast median s |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => r.Patch.Kind).Append(rows.GroupBy(_ => "all").Single()))
        {
            var list = group.ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {list.Count} | {list.Count(r => r.Fast.GradedBy == "fast")} | {list.Count(r => r.Fast.Fallback is not null)} | {list.Count(r => r.Agrees)} | {Seconds(list.Where(r => r.Full.GradedBy is not null).Select(r => r.Full.TotalSeconds))} | {Seconds(list.Where(r => r.Fast.GradedBy == "fast").Select(r => r.Fast.TotalSeconds))} |");
        }

        var reasons = rows.Where(r => r.Fast.Fallback is not null).GroupBy(r => FallbackKind(r.Fast.Fallback!)).OrderByDescending(g => g.Count()).ToList();
        if (reasons.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Fallbacks to the full path: " + string.Join("; ", reasons.Select(g => $"{g.Count()} × {g.Key}")) + ".");
        }

        foreach (var row in rows.Where(r => !r.Agrees))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- DISAGREES: {row.Patch.Task.Id} ({row.Patch.Kind}, {row.Patch.Source}): {row.Difference}");
        }

        return text.ToString();
    }

    /// <summary>A median of seconds, or "-" when nothing was graded that way (skipped tasks).</summary>
    private static string Seconds(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "-" : PerfPair.Median(list).ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>A fallback's reason without its details (file names, compiler errors), for counting.</summary>
    private static string FallbackKind(string fallback)
    {
        var cut = fallback.IndexOfAny([':', '(']);
        return (cut > 0 ? fallback[..cut] : fallback).Trim();
    }
}
