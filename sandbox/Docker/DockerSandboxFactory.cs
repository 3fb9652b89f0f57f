using Docker.DotNet;
using Docker.DotNet.Models;

namespace Dgm.Sandbox.Docker;

/// <summary>
/// Starts sandboxes as containers on a real Docker daemon (DOCKER_HOST or the default Unix socket).
/// Thread-safe: one client serves every sandbox of a run.
/// </summary>
public sealed class DockerSandboxFactory : ISandboxFactory, IDisposable
{
    private readonly DockerClient _client;

    private DockerSandboxFactory(DockerClient client) => _client = client;

    public string Kind => "docker";

    public string IsolationNote =>
        "Docker: no network, non-root, all capabilities dropped, read-only root, memory/pid/CPU limits, size-capped work folder.";

    public static Uri Endpoint =>
        new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");

    /// <summary>Connects to the daemon, checks it answers, and reaps containers left by dead runs.</summary>
    public static async Task<DockerSandboxFactory> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new DockerClientBuilder().WithEndpoint(Endpoint).Build();
        try
        {
            await client.System.PingAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            throw SandboxException.DaemonUnreachable(Endpoint, e);
        }

        var factory = new DockerSandboxFactory(client);
        await factory.ReapAsync(cancellationToken);
        return factory;
    }

    /// <summary>Tells whether a daemon answers, without throwing.</summary>
    public static async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new DockerClientBuilder().WithEndpoint(Endpoint).Build();
            await client.System.PingAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Removes every sandbox container whose owning process no longer lives. Returns how many.</summary>
    public async Task<int> ReapAsync(CancellationToken cancellationToken)
    {
        var containers = await _client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [SandboxDefaults.SandboxLabel + "=true"] = true },
                },
            },
            cancellationToken);
        var reaped = 0;
        foreach (var container in containers)
        {
            if (Owner(container.Labels) is { } owner && owner.IsAlive())
            {
                continue;
            }

            await RemoveQuietlyAsync(_client, container.ID);
            reaped++;
        }

        return reaped;
    }

    public async Task<ISandbox> StartAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parameters = ContainerParameters.Build(spec, SandboxOwner.Current);
        CreateContainerResponse created;
        try
        {
            // Not cancellable: a create cancelled on this side may still finish in the daemon, leaving a
            // container whose id nobody knows. It takes milliseconds; cancellation is honoured right after.
            created = await _client.Containers.CreateContainerAsync(parameters, CancellationToken.None);
        }
        catch (DockerImageNotFoundException e)
        {
            throw SandboxException.ImageMissing(spec.Image, e);
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        }
        catch (Exception e)
        {
            await RemoveQuietlyAsync(_client, created.ID);
            if (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw Cancelled(e, cancellationToken);
            }

            throw;
        }

        return new DockerSandbox(_client, created.ID, spec.WorkDir, spec.CopyLimits);
    }

    /// <summary>Docker.DotNet reports a cancelled request as HttpRequestException: say what it is.</summary>
    private static OperationCanceledException Cancelled(Exception e, CancellationToken cancellationToken) =>
        new("starting the sandbox was cancelled", e, cancellationToken);

    internal static async Task RemoveQuietlyAsync(DockerClient client, string id)
    {
        try
        {
            // Never bound to the caller's token: cleanup must happen even when the caller gave up.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, timeout.Token);
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (DockerApiException e) when (e.Message.Contains("already in progress", StringComparison.Ordinal))
        {
        }
    }

    private static SandboxOwner? Owner(IDictionary<string, string>? labels)
    {
        if (labels is null
            || !labels.TryGetValue(SandboxDefaults.OwnerPidLabel, out var pid)
            || !labels.TryGetValue(SandboxDefaults.OwnerStartLabel, out var start)
            || !int.TryParse(pid, out var pidValue)
            || !long.TryParse(start, out var startValue))
        {
            return null;
        }

        return new SandboxOwner(labels.TryGetValue(SandboxDefaults.LabelPrefix + ".host", out var host) ? host : "", pidValue, startValue);
    }

    public void Dispose() => _client.Dispose();
}
