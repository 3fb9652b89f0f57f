namespace Dgm.Tests.Support;

/// <summary>
/// Measured figures a test prints; with DGM_FIGURES set to a folder they are also written there (one file per
/// test), for scripts that copy them into docs/. Never asserted on timing: these machines are noisy.
/// </summary>
internal static class Figures
{
    public static void Report(string name, IEnumerable<string> lines)
    {
        var text = string.Join("\n", lines);
        Console.WriteLine(text);
        if (Environment.GetEnvironmentVariable("DGM_FIGURES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".txt"), text + "\n");
        }
    }
}
