namespace Dgm.Tests.Support;

/// <summary>Small file-tree helpers for tests that build folders by hand.</summary>
internal static class Files
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> under <paramref name="root"/>, creating folders.</summary>
    public static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Copies built-in dgm-bugs tasks into a suite folder of their own.</summary>
    public static string SuiteOf(string root, params string[] tasks)
    {
        var suite = Path.Combine(root, "suite");
        foreach (var task in tasks)
        {
            Dgm.Sandbox.FileTree.Copy(Path.Combine(Repo.Suites, "dgm-bugs", task), Path.Combine(suite, task), followLinks: false);
        }

        return suite;
    }
}
