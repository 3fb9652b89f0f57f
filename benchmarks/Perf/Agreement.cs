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
    /// Agent patches under <paramref name="folders"/>: run folders (`nodes/*/evals|holdout/TASK/patch.diff`) and
    /// corpus folders (`TASK/*.patch`), matched to tasks by folder name; empty ones are left out (the empty
    /// patch is in the corpus once per task), duplicates per task are kept once.
    /// </summary>
    public static IReadOnlyList<CorpusPatch> AgentPatches(IEnumerable<string> folders, IReadOnlyList<BenchTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var byId = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byId.TryAdd(Path.GetFileName(task.Folder), task);
        }

        var found = new Dictionary<(string, string), CorpusPatch>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No folder {folder}: give run folders or corpus folders of patches.");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if ((name != "patch.diff" && !name.EndsWith(".patch", StringComparison.Ordinal)) || !byId.TryGetValue(Path.GetFileName(Path.GetDirectoryName(file)!), out var task))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var patch = new CorpusPatch(task, "agent", Path.GetRelativePath(folder, file), text);
                found.TryAdd((task.Id, patch.Hash), patch);
            }
        }

        return [.. found.Values];
    }

    /// <summary>Keeps agent patches in a corpus folder (`TASK/HASH.patch`), so the corpus outlives the runs it came from.</summary>
    public static int Save(IEnumerable<CorpusPatch> patches, string corpus)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var written = 0;
        foreach (var patch in patches.Where(p => p.Kind == "agent"))
        {
            var file = Path.Combine(corpus, Path.GetFileName(patch.Task.Folder), patch.Hash + ".patch");
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
