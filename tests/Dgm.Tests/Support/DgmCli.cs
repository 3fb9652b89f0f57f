using Dgm.Cli;

namespace Dgm.Tests.Support;

/// <summary>Drives the whole `dgm` command in memory, as a user would type it.</summary>
internal static class DgmCli
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DgmApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
