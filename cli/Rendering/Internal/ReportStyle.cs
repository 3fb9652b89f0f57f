namespace Dgm.Cli.Rendering.Internal;

/// <summary>The report's inline CSS and script: inline because the file must open anywhere, offline.</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
        h1 .run { font-family: ui-monospace, monospace; }
        .muted { color: #666; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
        table.grid td, table.grid th { border-bottom: 1px solid #e4e4e4; padding: 2px 8px; }
        .scroll { overflow-x: auto; border: 1px solid #e4e4e4; border-radius: 4px; }
        svg.tree line.edge { stroke: #aaa; stroke-width: 1.5; }
        svg.tree line.edge.best { stroke: #b8860b; stroke-width: 4; }
        svg.tree circle { stroke: #555; stroke-width: 1; }
        svg.tree a.best circle { stroke: #b8860b; stroke-width: 3; }
        svg.tree a:hover circle { stroke: #000; stroke-width: 3; }
        svg.tree text { text-anchor: middle; font-size: 11px; }
        svg.tree text.id { font-weight: 600; }
        svg.progress .grid { stroke: #eee; }
        svg.progress .axis { stroke: #444; }
        svg.progress text { font-size: 11px; }
        svg.progress .tick.y { text-anchor: end; }
        svg.progress .tick.x, svg.progress .label { text-anchor: middle; }
        svg.progress polyline, svg.progress .legend line { fill: none; stroke-width: 2; }
        svg.progress .best { stroke: #1a9850; }
        svg.progress .mean { stroke: #4575b4; }
        svg.progress polyline.mean, svg.progress line.mean { stroke-dasharray: 5 3; }
        svg.progress rect.best { fill: #1a9850; }
        svg.progress rect.mean { fill: #4575b4; }
        details { border: 1px solid #e4e4e4; border-radius: 4px; margin: .4rem 0; padding: .3rem .6rem; }
        details:target { border-color: #b8860b; }
        summary { cursor: pointer; font-weight: 600; }
        .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; border: 1px solid #555; }
        dd, pre.text { white-space: pre-wrap; }
        dt { font-weight: 600; }
        dd { margin: 0 0 .5rem 1rem; }
        pre { background: #fafafa; padding: .5rem; overflow-x: auto; }
        pre.diff span { display: block; }
        pre.diff .add { background: #e6ffec; color: #116329; }
        pre.diff .del { background: #ffebe9; color: #82071e; }
        pre.diff .hunk { color: #0550ae; }
        pre.diff .file { font-weight: 600; }

        """;

    /// <summary>A link to a node opens its details: a closed &lt;details&gt; would hide what the click was for.</summary>
    public const string Script = """
        (function () {
          function openTarget() {
            var id = decodeURIComponent(location.hash.slice(1));
            var target = id && document.getElementById(id);
            if (target && target.tagName === 'DETAILS') { target.open = true; }
          }
          window.addEventListener('hashchange', openTarget);
          openTarget();
        })();

        """;
}
