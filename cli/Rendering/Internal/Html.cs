using System.Globalization;
using System.Net;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>Escaping for the report. Node texts come from agents: every one of them passes through here.</summary>
internal static class Html
{
    /// <summary>Text content or a quoted attribute value: &lt; &gt; &amp; and both quotes are encoded.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>The element id of a node's details, the target of the links in the tree.</summary>
    public static string Anchor(string nodeId) => "node-" + Text(nodeId);

    /// <summary>SVG coordinates: invariant, short.</summary>
    public static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
