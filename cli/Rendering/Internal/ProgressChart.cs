using System.Text;

namespace Dgm.Cli.Rendering.Internal;

/// <summary>The best score and the archive's mean score per iteration, as an SVG line chart with axes.</summary>
internal static class ProgressChart
{
    private const double Width = 640;
    private const double Height = 260;
    private const double Left = 52;
    private const double Right = 16;
    private const double Top = 16;
    private const double Bottom = 42;
    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;

    public static void Append(StringBuilder html, IReadOnlyList<ProgressPoint> points)
    {
        if (points.Count == 0)
        {
            html.Append("<p>No iterations yet.</p>\n");
            return;
        }

        // A single iteration still gets a drawable x range.
        var last = Math.Max(1, points[^1].Iteration);
        html.Append("<svg class=\"progress\" role=\"img\" aria-label=\"score per iteration\" width=\"").Append(Html.Num(Width))
            .Append("\" height=\"").Append(Html.Num(Height)).Append("\" viewBox=\"0 0 ")
            .Append(Html.Num(Width)).Append(' ').Append(Html.Num(Height)).Append("\">\n");

        for (var percent = 0; percent <= 100; percent += 25)
        {
            var y = Y(percent / 100.0);
            html.Append("<line class=\"grid\" x1=\"").Append(Html.Num(Left)).Append("\" x2=\"").Append(Html.Num(Left + PlotWidth))
                .Append("\" y1=\"").Append(Html.Num(y)).Append("\" y2=\"").Append(Html.Num(y)).Append("\"/>")
                .Append("<text class=\"tick y\" x=\"").Append(Html.Num(Left - 6)).Append("\" y=\"").Append(Html.Num(y + 4)).Append("\">")
                .Append(percent).Append("%</text>\n");
        }

        // About ten labelled ticks whatever the run's length.
        var step = Math.Max(1, (int)Math.Ceiling(last / 10.0));
        for (var i = 0; i <= last; i += step)
        {
            AppendXTick(html, i, last);
        }

        if (last % step != 0)
        {
            AppendXTick(html, last, last);
        }

        html.Append("<line class=\"axis\" x1=\"").Append(Html.Num(Left)).Append("\" y1=\"").Append(Html.Num(Top))
            .Append("\" x2=\"").Append(Html.Num(Left)).Append("\" y2=\"").Append(Html.Num(Top + PlotHeight)).Append("\"/>\n")
            .Append("<line class=\"axis\" x1=\"").Append(Html.Num(Left)).Append("\" y1=\"").Append(Html.Num(Top + PlotHeight))
            .Append("\" x2=\"").Append(Html.Num(Left + PlotWidth)).Append("\" y2=\"").Append(Html.Num(Top + PlotHeight)).Append("\"/>\n")
            .Append("<text class=\"label\" x=\"").Append(Html.Num(Left + (PlotWidth / 2))).Append("\" y=\"").Append(Html.Num(Height - 6)).Append("\">iteration</text>\n");

        AppendSeries(html, "best", points.Where(p => p.Best is not null).Select(p => (p.Iteration, p.Best!.Value)), last);
        AppendSeries(html, "mean", points.Where(p => p.Mean is not null).Select(p => (p.Iteration, p.Mean!.Value)), last);

        html.Append("<g class=\"legend\"><line class=\"best\" x1=\"").Append(Html.Num(Left + 12)).Append("\" x2=\"").Append(Html.Num(Left + 36))
            .Append("\" y1=\"").Append(Html.Num(Top + 10)).Append("\" y2=\"").Append(Html.Num(Top + 10)).Append("\"/>")
            .Append("<text x=\"").Append(Html.Num(Left + 42)).Append("\" y=\"").Append(Html.Num(Top + 14)).Append("\">best</text>")
            .Append("<line class=\"mean\" x1=\"").Append(Html.Num(Left + 92)).Append("\" x2=\"").Append(Html.Num(Left + 116))
            .Append("\" y1=\"").Append(Html.Num(Top + 10)).Append("\" y2=\"").Append(Html.Num(Top + 10)).Append("\"/>")
            .Append("<text x=\"").Append(Html.Num(Left + 122)).Append("\" y=\"").Append(Html.Num(Top + 14)).Append("\">archive mean</text></g>\n")
            .Append("</svg>\n");
    }

    private static void AppendXTick(StringBuilder html, int iteration, int last) =>
        html.Append("<text class=\"tick x\" x=\"").Append(Html.Num(X(iteration, last))).Append("\" y=\"").Append(Html.Num(Top + PlotHeight + 16)).Append("\">")
            .Append(iteration).Append("</text>\n");

    private static void AppendSeries(StringBuilder html, string name, IEnumerable<(int Iteration, double Score)> series, int last)
    {
        var points = series.Select(p => (X: X(p.Iteration, last), Y: Y(p.Score))).ToList();
        if (points.Count == 0)
        {
            return;
        }

        html.Append("<polyline class=\"").Append(name).Append("\" points=\"")
            .AppendJoin(' ', points.Select(p => Html.Num(p.X) + "," + Html.Num(p.Y))).Append("\"/>\n");
        // Markers, so a run of one iteration (a single point) still shows something. Squares, not circles:
        // circles in this report are nodes.
        foreach (var (x, y) in points)
        {
            html.Append("<rect class=\"").Append(name).Append("\" x=\"").Append(Html.Num(x - 2)).Append("\" y=\"").Append(Html.Num(y - 2))
                .Append("\" width=\"4\" height=\"4\"/>");
        }

        html.Append('\n');
    }

    private static double X(int iteration, int last) => Left + (PlotWidth * iteration / last);

    private static double Y(double score) => Top + (PlotHeight * (1 - Math.Clamp(score, 0, 1)));
}
