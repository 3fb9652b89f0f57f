namespace Dgm.Tests.Support;

/// <summary>Paths in this repository, found from the test's folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Suites => Path.Combine(Root, "benchmarks", "suites");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dgm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dgm.sln not found above the test folder.");
    }
}
