using Dgm.Archive;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>A node's place in the drawn tree: column (in leaf widths, may be a half) and depth.</summary>
internal sealed record Placement(Node Node, double Column, int Depth);

/// <summary>
/// A simple tidy layout: leaves take consecutive columns in numeric-id order, a parent sits centred over its
/// first and last child, depth is the distance from the root. Subtrees never overlap; ties are deterministic.
/// </summary>
internal static class TreeLayout
{
    public static IReadOnlyList<Placement> Place(Family family)
    {
        var placed = new List<Placement>(family.Nodes.Count);
        var nextLeaf = 0;
        foreach (var root in family.Roots)
        {
            Place(family, root, 0, placed, ref nextLeaf);
        }

        return placed;
    }

    private static double Place(Family family, Node node, int depth, List<Placement> placed, ref int nextLeaf)
    {
        var children = family.ChildrenOf(node);
        double column;
        if (children.Count == 0)
        {
            column = nextLeaf++;
        }
        else
        {
            var first = Place(family, children[0], depth + 1, placed, ref nextLeaf);
            var last = first;
            for (var i = 1; i < children.Count; i++)
            {
                last = Place(family, children[i], depth + 1, placed, ref nextLeaf);
            }

            column = (first + last) / 2;
        }

        placed.Add(new Placement(node, column, depth));
        return column;
    }
}
