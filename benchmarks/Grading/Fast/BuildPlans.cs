using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading.Fast;

/// <summary>A captured plan and the folder holding its files (`bin/`: the test output; `gen/`: generated compile inputs).</summary>
public sealed record PlanEntry(BuildPlan Plan, string Folder)
{
    public string OutputFolder => Path.Combine(Folder, "bin");

    public string GeneratedFolder => Path.Combine(Folder, "gen");
}

/// <summary>
/// The prepared baseline build of each task, captured once per machine (under DGM_HOME/plans, keyed by the
/// task's files and the SDK) and once per process in memory: the task's repository with its hidden tests is
/// built by `dotnet build` in a fresh sandbox, with MSBuild told to hand over each compiler call's arguments
/// (a targets file of ours, passed as a global property: the task's MSBuild files cannot replace it). Only task
/// files are built; no patch is involved. Thread-safe.
/// </summary>
public sealed class BuildPlans(ISandboxFactory sandboxes, GradingEnvironment environment, string runId, string? folder = null)
{
    private const string Recorder = "/tmp/dgm-plan";

    private readonly ConcurrentDictionary<string, Lazy<Task<PlanEntry>>> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _visible = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<BenchTask, string> _keys = [];

    public string Folder { get; } = folder ?? Path.Combine(GradingEnvironment.DgmHome(), "plans");

    /// <summary>The task's plan: from memory, from disk, or captured now.</summary>
    public Task<PlanEntry> GetAsync(BenchTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var key = Key(task);
        return Once(_plans, key, () => LoadOrCaptureAsync(task, key, CancellationToken.None), cancellationToken);
    }

    /// <summary>
    /// The task's visible repository (never its hidden tests) built once, as a folder of every project's bin/ and
    /// obj/ at their repository paths, the test application's third-party assemblies precompiled: what an
    /// agent's sandbox gets next to the repository, so its first test run needs no build. Null when the task
    /// does not build as it is or runs CUDA kernels.
    /// </summary>
    public Task<string?> GetVisibleAsync(BenchTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var key = Key(task);
        return Once(_visible, key, () => LoadOrBuildVisibleAsync(task, key, CancellationToken.None), cancellationToken);
    }

    /// <summary>One shared attempt per key in this process; a failed one is forgotten so the next call tries again.</summary>
    private static Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string key, Func<Task<T>> make, CancellationToken cancellationToken)
    {
        var lazy = cache.GetOrAdd(key, _ => new Lazy<Task<T>>(make));
        if (lazy.Value.IsFaulted)
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, lazy));
        }

        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<string?> LoadOrBuildVisibleAsync(BenchTask task, string key, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Folder, $"visible-{Sanitize(task.Id)}-{key}");
        var marker = Path.Combine(target, ".dgm-visible");
        if (File.Exists(marker))
        {
            Used(target);
            return File.ReadAllText(marker) == "built" ? Path.Combine(target, "tree") : null;
        }

        Prune(Folder, $"visible-{Sanitize(task.Id)}", key, DateTime.UtcNow, StaleAfter);

        Directory.CreateDirectory(Folder);
        var staging = Path.Combine(Folder, $".staging-{Guid.NewGuid():N}");
        var scratch = Directory.CreateTempSubdirectory("dgm-visible-").FullName;
        try
        {
            Directory.CreateDirectory(staging);
            var built = !task.Spec.RequiresCuda && await BuildVisibleAsync(task, scratch, Path.Combine(staging, "tree"), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, ".dgm-visible"), built ? "built" : "failed", cancellationToken);
            if (Directory.Exists(target) && !File.Exists(marker))
            {
                // Left half-made by a killed process (a finished one has its marker, and is kept: it may be in use).
                Directory.Delete(target, recursive: true);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (File.Exists(marker))
            {
                // Another process built it first.
            }

            return File.Exists(marker) && File.ReadAllText(marker) == "built" ? Path.Combine(target, "tree") : null;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<bool> BuildVisibleAsync(BenchTask task, string scratch, string staging, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        var repo = Path.Combine(scratch, "repo");
        FileTree.Copy(task.RepoDir, repo, followLinks: false);
        var projects = Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories).ToList();
        await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
        await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);
        var build = await sandbox.RunAsync(
            new CommandRequest($"dotnet build {Shell.Quote(TestRunner.TestProject(task.Spec.TestCommand))}", TimeSpan.FromSeconds(task.Spec.TimeoutSeconds)) { OutputCapBytes = 16 * 1024 },
            cancellationToken);
        if (!build.Succeeded)
        {
            return false;
        }

        foreach (var dir in projects.Select(p => Path.GetRelativePath(repo, Path.GetDirectoryName(p)!).Replace('\\', '/')).Distinct(StringComparer.Ordinal))
        {
            foreach (var output in new[] { "bin", "obj" })
            {
                var relative = dir == "." ? output : $"{dir}/{output}";
                if ((await sandbox.RunAsync(new CommandRequest($"test -d {Shell.Quote(relative)}", TimeSpan.FromSeconds(30)), cancellationToken)).ExitCode == 0)
                {
                    await sandbox.CopyOutAsync($"{sandbox.WorkDir}/{relative}", Path.Combine(staging, relative), cancellationToken);
                }
            }
        }

        var r2r = new ReadyToRun(environment.PackagesDir, environment.SdkDir);
        foreach (var config in Directory.EnumerateFiles(staging, "*.runtimeconfig.json", SearchOption.AllDirectories).ToList())
        {
            await r2r.CompileFolderAsync(Path.GetDirectoryName(config)!, cancellationToken);
        }

        return true;
    }

    /// <summary>Captures the plans of every task that has none yet, <paramref name="workers"/> at a time.</summary>
    public async Task PrepareAsync(IEnumerable<BenchTask> tasks, int workers, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken }, async (task, ct) => await GetAsync(task, ct));
    }

    /// <summary>The hash of everything a plan depends on: the task's repository, hidden tests and declarations, and the SDK (read once per loaded task).</summary>
    public string Key(BenchTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return _keys.GetValue(task, ComputeKey);
    }

    private string ComputeKey(BenchTask task)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (root, tag) in new[] { (task.RepoDir, "repo"), (task.HiddenDir, "hidden") })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{tag}/{Path.GetRelativePath(root, file)}\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        // What the task declares (control.full_only, requires) is part of the plan too.
        hash.AppendData(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(task.Spec)));
        string[] sdks = Directory.Exists(Path.Combine(environment.SdkDir, "sdk")) ? [.. Directory.GetDirectories(Path.Combine(environment.SdkDir, "sdk")).Order(StringComparer.Ordinal)] : [];
        hash.AppendData(Encoding.UTF8.GetBytes($"format {BuildPlan.FormatVersion}\n{string.Join('\n', sdks)}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private async Task<PlanEntry> LoadOrCaptureAsync(BenchTask task, string key, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Folder, $"{Sanitize(task.Id)}-{key}");
        if (BuildPlan.TryRead(Path.Combine(target, "plan.json")) is { } existing)
        {
            Used(target);
            return new PlanEntry(existing, target);
        }

        Prune(Folder, Sanitize(task.Id), key, DateTime.UtcNow, StaleAfter);

        Directory.CreateDirectory(Folder);
        var staging = Path.Combine(Folder, $".staging-{Guid.NewGuid():N}");
        try
        {
            var plan = await CaptureAsync(task, key, staging, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, "plan.json"), plan.ToJson(), cancellationToken);
            if (Directory.Exists(target) && BuildPlan.TryRead(Path.Combine(target, "plan.json")) is null)
            {
                // A garbled or older plan: replaced.
                Directory.Delete(target, recursive: true);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (BuildPlan.TryRead(Path.Combine(target, "plan.json")) is not null)
            {
                // Another process captured the same plan first.
            }

            return new PlanEntry(BuildPlan.TryRead(Path.Combine(target, "plan.json")) ?? plan, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<BuildPlan> CaptureAsync(BenchTask task, string key, string staging, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(staging);
        var scratch = Directory.CreateTempSubdirectory("dgm-plan-").FullName;
        try
        {
            var repo = Path.Combine(scratch, "repo");
            FileTree.Copy(task.RepoDir, repo, followLinks: false);
            FileTree.Copy(task.HiddenDir, repo, followLinks: false);
            var recorder = Path.Combine(scratch, "recorder");
            Directory.CreateDirectory(recorder);
            await File.WriteAllTextAsync(Path.Combine(recorder, "record.targets"), RecordTargets, cancellationToken);

            BuildPlan Plan(string? fullOnly, IReadOnlyList<ProjectPlan>? projects = null, string testOutput = "") => new()
            {
                Task = task.Id,
                Key = key,
                Projects = projects ?? [],
                TestOutputDir = testOutput,
                FullOnly = fullOnly,
                CapturedSeconds = clock.Elapsed.TotalSeconds,
            };

            if (FastEligibility.ForTask(task, repo) is { } reason)
            {
                return Plan(reason);
            }

            var project = TestRunner.TestProject(task.Spec.TestCommand);
            await using var sandbox = await sandboxes.StartAsync(environment.SandboxSpec(runId, task), cancellationToken);
            await sandbox.CopyInAsync(repo, sandbox.WorkDir, cancellationToken);
            await sandbox.CopyInAsync(recorder, Recorder, cancellationToken);
            var build = await sandbox.RunAsync(
                new CommandRequest(
                    $"dotnet build {Shell.Quote(project)} -p:ProvideCommandLineArgs=true -p:CustomAfterMicrosoftCommonTargets={Recorder}/record.targets -p:DgmPlanOut={Recorder}/out",
                    TimeSpan.FromSeconds(task.Spec.TimeoutSeconds))
                { OutputCapBytes = 64 * 1024 },
                cancellationToken);
            if (!build.Succeeded)
            {
                return Plan($"the baseline build failed: {TestRunner.Tail(build.Stdout + build.Stderr, 600)}");
            }

            var recorded = Path.Combine(scratch, "recorded");
            await sandbox.CopyOutAsync($"{Recorder}/out", recorded, cancellationToken);
            var projects = ReadProjects(recorded, new PlanPaths(repo, environment.PackagesDir, environment.SdkDir));
            var testFull = $"{sandbox.WorkDir}/{project}";
            var test = projects.LastOrDefault();
            if (test is null || $"{sandbox.WorkDir}/{test.Plan.ProjectDir}/{Path.GetFileName(project)}" != testFull)
            {
                return Plan("the build did not compile the test project last");
            }

            if (!test.OutputDir.StartsWith(sandbox.WorkDir + "/", StringComparison.Ordinal))
            {
                return Plan("the test project's output folder is outside the repository");
            }

            var testOutput = test.OutputDir[(sandbox.WorkDir.Length + 1)..].TrimEnd('/');
            await sandbox.CopyOutAsync(test.OutputDir.TrimEnd('/'), Path.Combine(staging, "bin"), cancellationToken);
            var generated = projects.SelectMany(p => p.Generated).Distinct(StringComparer.Ordinal).ToList();
            if (generated.Count > 0)
            {
                var copy = await sandbox.RunAsync(
                    new CommandRequest($"mkdir -p {Recorder}/gen && cp --parents {string.Join(' ', generated.Select(Shell.Quote))} {Recorder}/gen/", TimeSpan.FromSeconds(60)) { WorkingDirectory = sandbox.WorkDir },
                    cancellationToken);
                if (!copy.Succeeded)
                {
                    return Plan($"the generated compile inputs could not be collected: {copy.Stderr}");
                }

                await sandbox.CopyOutAsync($"{Recorder}/gen", Path.Combine(staging, "gen"), cancellationToken);
            }

            var plans = projects.Select(p => p.Plan).ToList();
            if (FastEligibility.ForArguments(plans, Path.Combine(staging, "bin"), test.Plan.AssemblyName) is { } unsupported)
            {
                return Plan(unsupported, plans, testOutput);
            }

            // The plan must rebuild the task as it is before it may grade any patch of it.
            var candidate = Plan(null, plans, testOutput);
            if (Directory.Exists(Path.Combine(staging, "gen")))
            {
                FileTree.Copy(Path.Combine(staging, "gen"), repo, followLinks: false);
            }

            var check = FastCompiler.Compile(candidate, new PlanPaths(repo, environment.PackagesDir, environment.SdkDir), cancellationToken);
            if (!check.Succeeded)
            {
                return Plan($"the in-memory compile of the unpatched task fails: {TestRunner.Tail(check.Errors, 400)}", plans, testOutput);
            }

            var precompiled = await new ReadyToRun(environment.PackagesDir, environment.SdkDir).CompileFolderAsync(Path.Combine(staging, "bin"), cancellationToken);
            return candidate with { ReadyToRun = precompiled, CapturedSeconds = clock.Elapsed.TotalSeconds };
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed record RecordedProject(ProjectPlan Plan, string OutputDir, IReadOnlyList<string> Generated);

    /// <summary>The recorder's files, in build order: `order.txt` lists projects as their compiler ran.</summary>
    private static List<RecordedProject> ReadProjects(string recorded, PlanPaths paths)
    {
        const string WorkDir = PlanPaths.SandboxRepo;
        var result = new List<RecordedProject>();
        var order = File.Exists(Path.Combine(recorded, "order.txt")) ? File.ReadAllLines(Path.Combine(recorded, "order.txt")) : [];
        foreach (var id in order.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var info = File.ReadAllLines(Path.Combine(recorded, id + ".info"));
            var arguments = File.ReadAllLines(Path.Combine(recorded, id + ".rsp")).Where(a => a.Length > 0).ToList();
            var projectFile = info[0];
            var projectDir = Path.GetDirectoryName(projectFile)!;
            var relative = projectDir == WorkDir ? "" : projectDir[(WorkDir.Length + 1)..];
            var hostDir = Path.Combine(paths.Repo, relative);
            var sources = FastCompiler.Parse(arguments, hostDir, paths).SourceFiles.Select(s => Path.GetFullPath(s.Path)).ToList();
            var inProject = sources.Where(s => FastCompiler.IsProjectSource(s, hostDir)).Order(StringComparer.Ordinal).ToList();
            var defaultItems = inProject.SequenceEqual(FastCompiler.DefaultItems(hostDir).Select(Path.GetFullPath), StringComparer.Ordinal);
            var generated = sources.Where(s => s.StartsWith(paths.Repo + "/", StringComparison.Ordinal) && !inProject.Contains(s))
                .Select(s => Path.GetRelativePath(paths.Repo, s).Replace('\\', '/'))
                .ToList();
            result.Add(new RecordedProject(new ProjectPlan(Path.GetFileNameWithoutExtension(projectFile), relative, info[1], arguments, defaultItems), info[2], generated));
        }

        return result;
    }

    /// <summary>How long a task's plan or visible build under another key (the task, the SDK or the format changed since) is kept unused.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Removes what a new capture of one task makes stale: that task's entries under other keys unused for
    /// <paramref name="staleAfter"/> (a checkout with other task files may still use one: it is dated on each use),
    /// and any half-made `.staging-*` folder an hour old (a killed capture's). Returns how many it removed; a folder
    /// another process is removing or using is left.
    /// </summary>
    public static int Prune(string folder, string prefix, string keepKey, DateTime now, TimeSpan staleAfter)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(entry);
            var otherKey = name.Length == prefix.Length + 17 && name.StartsWith(prefix + "-", StringComparison.Ordinal)
                && name[(prefix.Length + 1)..] is var key && key != keepKey && key.All(char.IsAsciiHexDigitLower);
            var stale = otherKey ? now - Directory.GetLastWriteTimeUtc(entry) > staleAfter
                : name.StartsWith(".staging-", StringComparison.Ordinal) && now - Directory.GetLastWriteTimeUtc(entry) > TimeSpan.FromHours(1);
            if (!stale)
            {
                continue;
            }

            try
            {
                Directory.Delete(entry, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return removed;
    }

    /// <summary>Dates an entry on use, so pruning keeps what any checkout still uses.</summary>
    private static void Used(string target)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Sanitize(string id) => string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    /// <summary>
    /// After each compiler call: its arguments (`@(CscCommandLineArgs)`, which `ProvideCommandLineArgs` fills),
    /// the project file, the assembly name and the output folder, and the project's place in the build order.
    /// </summary>
    private const string RecordTargets = """
        <Project>
          <Target Name="DgmRecordCompile" AfterTargets="CoreCompile" Condition="'$(DgmPlanOut)' != ''">
            <PropertyGroup>
              <DgmId>$(MSBuildProjectName)-$([MSBuild]::StableStringHash($(MSBuildProjectFullPath)))</DgmId>
            </PropertyGroup>
            <WriteLinesToFile File="$(DgmPlanOut)/$(DgmId).rsp" Lines="@(CscCommandLineArgs)" Overwrite="true" />
            <WriteLinesToFile File="$(DgmPlanOut)/$(DgmId).info" Lines="$(MSBuildProjectFullPath);$(TargetName);$(TargetDir)" Overwrite="true" />
            <WriteLinesToFile File="$(DgmPlanOut)/order.txt" Lines="$(DgmId)" Overwrite="false" />
          </Target>
        </Project>
        """;
}
