using System.Collections.Concurrent;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Dgm.Benchmarks.Internal;

namespace Dgm.Benchmarks.Grading.Fast;

/// <summary>
/// Precompiles the third-party assemblies of a build folder (a test application's test platform, MSTest
/// adapter and framework; an agent's Roslyn and Semantic Kernel) to ReadyToRun native code with the runtime's
/// own crossgen2, so the program starts without compiling them at run time. Only byte-for-byte copies of files
/// in the package folder are touched (never a task's, an agent's or anyone's own assembly). The IL, the
/// assembly identities and the behaviour are unchanged (the runtime falls back to the IL wherever native code
/// does not fit). Each distinct input is compiled
/// once per machine (DGM_HOME/r2r, by its SHA-256). Without the crossgen2 package (no registry) nothing is
/// precompiled and the fast path is merely slower.
/// </summary>
public sealed class ReadyToRun(string packagesDir, string sdkDir)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Crossgens = new(StringComparer.Ordinal);

    /// <summary>Compiled images, per runtime version and by their input's hash.</summary>
    public string CacheFolder { get; init; } = Path.Combine(GradingEnvironment.DgmHome(), "r2r");

    /// <summary>The runtime the sandboxes run (the host's, whose SDK they mount).</summary>
    public static string RuntimeVersion => Environment.Version.ToString(3);

    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<string, List<string>>>> PackageFiles = new(StringComparer.Ordinal);

    /// <summary>Precompiles every IL-only dll in <paramref name="folder"/> that is a copy of a package file; returns how many it replaced.</summary>
    public async Task<int> CompileFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var framework = Path.Combine(sdkDir, "shared", "Microsoft.NETCore.App", RuntimeVersion);
        if (!Directory.Exists(framework) || await CrossgenAsync(cancellationToken) is not { } crossgen)
        {
            return 0;
        }

        var cache = Path.Combine(CacheFolder, RuntimeVersion);
        Directory.CreateDirectory(cache);
        var replaced = 0;
        foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (!IsIlOnly(dll))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(dll, cancellationToken);
            if (!IsPackageCopy(Path.GetFileName(dll), bytes))
            {
                continue;
            }

            var cached = Path.Combine(cache, Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + ".dll");
            if (!File.Exists(cached))
            {
                var temporary = cached + $".{Guid.NewGuid():N}.tmp";
                var result = await HostProcess.RunAsync(
                    crossgen,
                    ["-r", framework + "/*.dll", "-r", folder + "/*.dll", "--targetos:linux", "--targetarch:x64", "-O", dll, "-o", temporary],
                    folder,
                    cancellationToken,
                    timeout: TimeSpan.FromMinutes(2));
                if (!result.Succeeded || !File.Exists(temporary))
                {
                    File.Delete(temporary);
                    continue; // this one stays IL
                }

                File.Move(temporary, cached, overwrite: true);
            }

            File.Copy(cached, dll, overwrite: true);
            replaced++;
        }

        return replaced;
    }

    /// <summary>
    /// Whether the file is byte for byte a file of the package folder (a NuGet package's asset). The folder's dlls
    /// are listed once per process: a package restored later is simply not precompiled.
    /// </summary>
    private bool IsPackageCopy(string name, byte[] bytes)
    {
        var index = PackageFiles.GetOrAdd(packagesDir, dir => new Lazy<Dictionary<string, List<string>>>(() => Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.dll", SearchOption.AllDirectories).GroupBy(Path.GetFileName, StringComparer.Ordinal).ToDictionary(g => g.Key!, g => g.ToList(), StringComparer.Ordinal)
            : [])).Value;
        return index.TryGetValue(name, out var candidates)
            && candidates.Any(c => new FileInfo(c).Length == bytes.Length && File.ReadAllBytes(c).AsSpan().SequenceEqual(bytes));
    }

    /// <summary>An assembly with no native code yet (crossgen2 refuses precompiled input).</summary>
    private static bool IsIlOnly(string dll)
    {
        try
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            return pe.HasMetadata && pe.PEHeaders.CorHeader is { } cor && (cor.Flags & CorFlags.ILOnly) != 0 && cor.ManagedNativeHeaderDirectory.Size == 0;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The crossgen2 of this runtime, restored into the package folder once (null when it cannot be).</summary>
    private Task<string?> CrossgenAsync(CancellationToken cancellationToken) =>
        Crossgens.GetOrAdd(packagesDir, _ => new Lazy<Task<string?>>(() => RestoreAsync(CancellationToken.None))).Value.WaitAsync(cancellationToken);

    private async Task<string?> RestoreAsync(CancellationToken cancellationToken)
    {
        var version = RuntimeVersion;
        var tool = Path.Combine(packagesDir, "microsoft.netcore.app.crossgen2.linux-x64", version, "tools", "crossgen2");
        if (File.Exists(tool) || !OperatingSystem.IsLinux())
        {
            return File.Exists(tool) ? tool : null;
        }

        var scratch = Directory.CreateTempSubdirectory("dgm-crossgen-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(scratch, "crossgen.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net{Environment.Version.Major}.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Crossgen2.linux-x64" Version="[{version}]" /></ItemGroup>
                </Project>
                """, cancellationToken);
            await HostProcess.RunAsync(
                "dotnet", ["restore", "crossgen.csproj"], scratch, cancellationToken,
                timeout: TimeSpan.FromMinutes(5),
                environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = packagesDir, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
            return File.Exists(tool) ? tool : null;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
