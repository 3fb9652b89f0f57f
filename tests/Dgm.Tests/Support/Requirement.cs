namespace Dgm.Tests.Support;

/// <summary>A tool some tests need is missing: they skip saying why, except under CI, which must run them.</summary>
internal static class Requirement
{
    public static void Missing(string tests, string reason)
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail($"CI must run the {tests} tests, but {reason}");
        }

        Console.WriteLine($"Skipping: {reason}");
        Assert.Inconclusive(reason);
    }
}
