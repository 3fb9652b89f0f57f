using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Dgm.Benchmarks.Internal;
using Dgm.Benchmarks.Tasks;
using Dgm.Sandbox;

namespace Dgm.Benchmarks.Grading;

/// <summary>
/// Prepares, on the host and before any sandbox starts, the package folder that sandboxes mount
/// read-only, so task restores and builds need no network. Restores once per distinct package set.
/// </summary>
public static class PackageCache
{
    private static readonly string[] BuildOutput = ["bin", "obj"];

    public static string DefaultFolder => Path.Combine(GradingEnvironment.DgmHome(), "packages");

    public static async Task EnsureAsync(IEnumerable<BenchTask> tasks, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var group in tasks.GroupBy(PackageSetKey))
        {
            var task = group.First();
            await RestoreOnceAsync(task.RepoDir, group.Key, $"task '{task.Id}'", folder, cancellationToken);
        }

        MakeReadable(folder);
    }

    /// <summary>Restores the packages of every project under a source folder (an agent's source) once per package set.</summary>
    /// <remarks>
    /// <paramref name="beside"/>: folders the source's projects reference as siblings (../NAME: an agent's runtime), copied
    /// beside it for the restore; their packages count in the package set.
    /// </remarks>
    public static async Task EnsureSourceAsync(string sourceDir, string folder, CancellationToken cancellationToken, IReadOnlyList<string>? beside = null)
    {
        beside ??= [];
        var key = beside.Count == 0 ? PackageSetKey(sourceDir) : Hash(beside.Prepend(sourceDir).Select(PackageSetKey));
        await RestoreOnceAsync(sourceDir, key, $"the sources in {sourceDir}", folder, cancellationToken, beside);
        MakeReadable(folder);
    }

    private static async Task RestoreOnceAsync(string sourceDir, string key, string what, string folder, CancellationToken cancellationToken, IReadOnlyList<string>? beside = null)
    {
        var stamps = Path.Combine(folder, ".dgm-restored");
        Directory.CreateDirectory(stamps);
        var stamp = Path.Combine(stamps, key);
        if (File.Exists(stamp))
        {
            return;
        }

        var scratch = Directory.CreateTempSubdirectory("dgm-restore-");
        try
        {
            // The source at scratch/src, what it references as a sibling beside it (without build output).
            var source = Path.Combine(scratch.FullName, "src");
            FileTree.Copy(sourceDir, source, followLinks: false);
            foreach (var sibling in beside ?? [])
            {
                var copy = Path.Combine(scratch.FullName, Path.GetFileName(Path.TrimEndingDirectorySeparator(sibling)));
                FileTree.Copy(sibling, copy, followLinks: false);
                foreach (var output in BuildOutput.Select(d => Path.Combine(copy, d)).Where(Directory.Exists))
                {
                    Directory.Delete(output, recursive: true);
                }
            }

            foreach (var project in Directory.EnumerateFiles(source, "*.csproj", SearchOption.AllDirectories))
            {
                var result = await HostProcess.RunAsync(
                    "dotnet", ["restore", project], scratch.FullName, cancellationToken,
                    timeout: TimeSpan.FromMinutes(5),
                    environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = folder, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Preparing packages for {what} failed (dotnet restore needs the NuGet registry once): {Tail(result.Stdout + result.Stderr)}");
                }
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        await File.WriteAllTextAsync(stamp, what, cancellationToken);
    }

    /// <summary>The distinct package references of a task's projects, hashed.</summary>
    public static string PackageSetKey(BenchTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return PackageSetKey(task.RepoDir);
    }

    /// <summary>The distinct package references (and central versions) and target frameworks of a source folder's projects, hashed.</summary>
    public static string PackageSetKey(string sourceDir)
    {
        var references = Directory.EnumerateFiles(sourceDir, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".props", StringComparison.Ordinal))
            .Where(p => !Path.GetRelativePath(sourceDir, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .SelectMany(p => XDocument.Load(p).Descendants().Where(e => e.Name.LocalName is "PackageReference" or "PackageVersion" or "Sdk" or "TargetFramework" or "TargetFrameworks" or "RuntimeIdentifier" or "RuntimeIdentifiers" || e.Attribute("Sdk") is not null))
            .Select(e => e.Name.LocalName.StartsWith("Target", StringComparison.Ordinal) || e.Name.LocalName.StartsWith("Runtime", StringComparison.Ordinal)
                ? $"{e.Name.LocalName}={e.Value.Trim()}" // a framework's targeting pack is a package too
                : $"{(string?)e.Attribute("Include") ?? (string?)e.Attribute("Name") ?? (string?)e.Attribute("Sdk")}@{(string?)e.Attribute("Version")}")
            .Distinct()
            .Order(StringComparer.Ordinal);
        return Hash(references);
    }

    private static string Hash(IEnumerable<string> lines) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];

    /// <summary>Sandboxes run as another user: the folder must be world-readable.</summary>
    private static void MakeReadable(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode Read = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode Enter = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            var mode = File.GetUnixFileMode(dir);
            if ((mode & (Read | Enter)) != (Read | Enter))
            {
                File.SetUnixFileMode(dir, mode | Read | Enter);
            }
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var mode = File.GetUnixFileMode(file);
            if ((mode & Read) != Read)
            {
                File.SetUnixFileMode(file, mode | Read);
            }
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
