using System.Globalization;
using Dgm.Archive;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>Fill colours: a red → yellow → green scale by score; grey for the nodes that never count.</summary>
internal static class ScoreColour
{
    public const string Discarded = "#bdbdbd";
    public const string Unscored = "#f0f0f0";

    private static readonly (byte R, byte G, byte B) Red = (0xd7, 0x30, 0x27);
    private static readonly (byte R, byte G, byte B) Yellow = (0xfe, 0xe0, 0x8b);
    private static readonly (byte R, byte G, byte B) Green = (0x1a, 0x98, 0x50);

    public static string Of(Node node) => node.Status is NodeStatus.Invalid or NodeStatus.Rejected
        ? Discarded
        : node.Score is { } score ? Scale(score) : Unscored;

    /// <summary>The scale itself, clamped to [0, 1].</summary>
    public static string Scale(double score)
    {
        var s = double.IsNaN(score) ? 0 : Math.Clamp(score, 0, 1);
        // Through yellow rather than straight from red to green, whose midpoint is a muddy brown.
        return s < 0.5 ? Mix(Red, Yellow, s * 2) : Mix(Yellow, Green, (s - 0.5) * 2);
    }

    private static string Mix((byte R, byte G, byte B) from, (byte R, byte G, byte B) to, double t)
    {
        static int Channel(byte a, byte b, double t) => (int)Math.Round(a + ((b - a) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{Channel(from.R, to.R, t):x2}{Channel(from.G, to.G, t):x2}{Channel(from.B, to.B, t):x2}");
    }
}
