using Dgm.Archive;

namespace Dgm.Evolution.Runs;

/// <summary>A decision on a pending node, as `dgm approve|reject` writes it for a running run.</summary>
public sealed record ApprovalRequest(string Id, bool Approve);

/// <summary>The human gate (`--approve manual`): a pending child becomes valid or rejected.</summary>
public static class Approvals
{
    public static Node Apply(Node node, bool approve)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Status != NodeStatus.PendingApproval)
        {
            throw new InvalidOperationException($"Node {node.Id} is {node.Status.ToString().ToLowerInvariant()}, not pending approval.");
        }

        return node with { Status = approve ? NodeStatus.Valid : NodeStatus.Rejected };
    }
}
