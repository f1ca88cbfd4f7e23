using EcgAnomaly.IO;
using ScottPlot;

namespace EcgAnomaly.Reporting;

/// <summary>Plots of an evaluation over many records: one column of points per record.</summary>
public static class EvaluationPlots
{
    private static readonly Color[] Palette = [Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c")];

    /// <summary>
    /// Each series' value per record (a missing value is left out), records along x by name. Markers, not bars: the
    /// values of a good detector crowd near 100 %, and the y axis zooms on them.
    /// </summary>
    public static void PerRecord(string path, string title, IReadOnlyList<string> records,
        IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        for (var s = 0; s < series.Count; s++)
        {
            var (name, values) = series[s];
            var points = values.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y is { } y && double.IsFinite(y)).ToArray();
            if (points.Length == 0) continue;
            var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray());
            scatter.Color = Palette[s % Palette.Length];
            scatter.MarkerSize = 7;
            scatter.MarkerShape = s == 0 ? MarkerShape.FilledCircle : MarkerShape.OpenCircle;
            scatter.LegendText = name;
        }
        if (records.Count > 0)
        {
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, records.Count).Select(i => (double)i)], [.. records]);
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.SetLimitsX(-1, records.Count);
        }
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.LowerLeft);
        var width = Math.Clamp(200 + (records.Count * 22), 800, 2400);
        AtomicFile.Write(path, temporary => plot.SavePng(temporary, width, 550));
    }
}
