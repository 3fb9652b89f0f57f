using System.Diagnostics;

namespace Dgm.Tests.Support;

/// <summary>A real headless Chromium for the report's browser tests, or a skip that says why (a failure under CI).</summary>
internal static class Chromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>DGM_BROWSER, else chromium or chromium-browser on the PATH.</summary>
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("DGM_BROWSER") is { Length: > 0 } configured)
        {
            // A browser named on purpose that is not there is a broken setup, not a reason to skip.
            return File.Exists(configured) ? configured : OnPath(configured)
                ?? throw new AssertFailedException($"DGM_BROWSER names '{configured}', which is neither a file nor on the PATH");
        }

        if ((OnPath("chromium") ?? OnPath("chromium-browser")) is { } found)
        {
            return found;
        }

        const string reason = "no chromium or chromium-browser on the PATH and DGM_BROWSER unset (apt-get install chromium; ./scripts/test.sh installs it as root)";
        Requirement.Missing("browser", reason);
        return "";
    }

    /// <summary>The page's DOM as the browser holds it after loading and running its scripts.</summary>
    public static async Task<string> DumpDomAsync(string browser, string url)
    {
        var profile = Directory.CreateTempSubdirectory("dgm-chromium-");
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // --no-sandbox: tests may run as root, where Chromium refuses its own sandbox. A fresh profile per
            // run, so parallel runs never share a profile lock.
            foreach (var arg in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}", "--dump-dom", url })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {browser}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{browser} did not finish within {Limit.TotalSeconds} s");
            }

            var dom = await stdout;
            Assert.IsTrue(process.ExitCode == 0 && dom.Length > 0, $"{browser} exited {process.ExitCode}: {await stderr}");
            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string? OnPath(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
