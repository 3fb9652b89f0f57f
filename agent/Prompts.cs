namespace Dgm.Agent;

/// <summary>Task texts built from files; each fails loudly when its input is missing.</summary>
public static class Prompts
{
    public static string Improve(string evalsDir)
    {
        if (!Directory.Exists(evalsDir))
        {
            throw new DirectoryNotFoundException($"The evaluation logs folder '{evalsDir}' does not exist.");
        }

        var logs = Directory.EnumerateFiles(evalsDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(5)
            .Select(f => $"--- {Path.GetFileName(f)} ---\n{Head(File.ReadAllText(f), 4000)}");
        return $"""
            You are improving yourself: the repository is your own source code (a coding agent).
            Below are logs of your recent evaluation. Find one weakness they show and change your source to
            address it. Keep the code building and small.

            {string.Join("\n\n", logs)}
            """;
    }

    private static string Head(string text, int max) => text.Length <= max ? text : text[..max] + "\n[...]";
}
