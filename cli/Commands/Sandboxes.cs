using Dgm.Sandbox;
using Dgm.Sandbox.Docker;
using Dgm.Sandbox.Local;

namespace Dgm.Cli.Commands;

/// <summary>Turns --sandbox docker|local into a factory; Docker's keeps sandboxes of repeated specs pre-started (<see cref="SandboxPool"/>).</summary>
internal static class Sandboxes
{
    public static async Task<ISandboxFactory> CreateAsync(string kind, TextWriter error, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "docker":
                return new SandboxPool(await DockerSandboxFactory.ConnectAsync(cancellationToken));
            case "local":
                var local = new LocalSandboxFactory();
                await error.WriteLineAsync($"dgm: {local.IsolationNote}");
                return local;
            default:
                throw new CliException($"Unknown sandbox '{kind}': use docker or local.");
        }
    }
}
