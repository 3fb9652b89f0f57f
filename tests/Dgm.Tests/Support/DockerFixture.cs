using Dgm.Sandbox;
using Dgm.Sandbox.Docker;

namespace Dgm.Tests.Support;

/// <summary>Connects to the real Docker daemon, or skips with the reason (fails instead under CI, which must run these).</summary>
internal static class DockerFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DockerSandboxFactory? _factory;

    public static async Task<DockerSandboxFactory> FactoryAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_factory is not null)
            {
                return _factory;
            }

            if (!await DockerSandboxFactory.IsAvailableAsync(CancellationToken.None))
            {
                var reason = $"no Docker daemon answers at {DockerSandboxFactory.Endpoint}; ./scripts/test.sh starts one when run as root";
                Requirement.Missing("Docker", reason);
            }

            _factory = await DockerSandboxFactory.ConnectAsync(CancellationToken.None);
            return _factory;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static SandboxSpec Spec(string runId = "tests") => new() { RunId = runId };
}
