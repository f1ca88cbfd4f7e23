using EcgAnomaly.IO;
using ScottPlot;

namespace EcgAnomaly.Reporting;

/// <summary>The plots of a scored recording: score over time, and ECG strips with the flagged beats marked.</summary>
public static class RecordPlots
{
    private static readonly Color NormalColor = Color.FromHex("#1f77b4");
    private static readonly Color FlaggedColor = Color.FromHex("#d62728");
    private static readonly Color ReferenceColor = Color.FromHex("#ff7f0e");

    /// <summary>Every beat's score against its time, flagged and reference-abnormal beats marked, with the threshold.</summary>
    public static void ScoreOverTime(string path, string title, IReadOnlyList<BeatMark> beats, double threshold, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var plot = new Plot();
        var hours = durationSeconds > 3 * 3600;
        double Time(BeatMark b) => hours ? b.Seconds / 3600 : b.Seconds / 60;
        var normal = beats.Where(b => !b.Flagged).ToArray();
        var flagged = beats.Where(b => b.Flagged).ToArray();
        AddPoints(plot, normal, Time, NormalColor, 3, MarkerShape.FilledCircle, $"beat ({normal.Length:N0})");
        AddPoints(plot, flagged, Time, FlaggedColor, 4, MarkerShape.FilledCircle, $"flagged ({flagged.Length:N0})");
        var reference = beats.Where(b => b.ReferenceAbnormal).ToArray();
        AddPoints(plot, reference, Time, ReferenceColor, 9, MarkerShape.OpenCircle, $"reference non-N beat ({reference.Length:N0})");
        var line = plot.Add.HorizontalLine(threshold);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Black;
        line.LegendText = $"threshold {threshold:0.##}";
        plot.Title(title);
        plot.XLabel(hours ? "time (hours)" : "time (minutes)");
        plot.YLabel("score (sum of absolute errors)");
        plot.ShowLegend(Alignment.UpperRight);
        AtomicFile.Write(path, temporary => plot.SavePng(temporary, 1200, 500));
    }

    /// <summary>ECG strips, one panel each, with the marked beats and the scores of the flagged and reference-abnormal ones.</summary>
    public static void Strips(string path, IReadOnlyList<EcgStrip> strips, double fs)
    {
        ArgumentNullException.ThrowIfNull(strips);
        var multiplot = new Multiplot();
        multiplot.AddPlots(Math.Max(1, strips.Count));
        for (var i = 0; i < strips.Count; i++)
        {
            var strip = strips[i];
            var plot = multiplot.GetPlot(i);
            var xs = Enumerable.Range(0, strip.Samples.Length).Select(k => (strip.StartSample + k) / fs).ToArray();
            var ecg = plot.Add.Scatter(xs, strip.Samples.Select(v => (double)v).ToArray());
            ecg.MarkerSize = 0;
            ecg.LineWidth = 1;
            ecg.Color = Colors.Black;
            var top = strip.Samples.Length == 0 ? 1 : strip.Samples.Max();
            foreach (var beat in strip.Beats)
            {
                var k = beat.Sample - strip.StartSample;
                if (k < 0 || k >= strip.Samples.Length) continue;
                var marker = plot.Add.Marker(beat.Sample / fs, strip.Samples[k]);
                marker.Color = beat.Flagged ? FlaggedColor : NormalColor;
                marker.Size = beat.Flagged ? 10 : 6;
                if (beat.Flagged || beat.Symbol is not null and not "N")
                {
                    var text = plot.Add.Text($"{beat.Symbol ?? ""} {beat.Score:0}", beat.Sample / fs, top);
                    text.LabelFontColor = beat.Flagged ? FlaggedColor : NormalColor;
                    text.LabelFontSize = 11;
                }
            }
            plot.Title(strip.Title);
            plot.XLabel("time (s)");
            plot.YLabel("mV");
        }
        if (strips.Count == 0) multiplot.GetPlot(0).Title("no beats to show");
        AtomicFile.Write(path, temporary => multiplot.SavePng(temporary, 1400, 320 * Math.Max(1, strips.Count)));
    }

    private static void AddPoints(
        Plot plot, BeatMark[] beats, Func<BeatMark, double> time, Color color, float size, MarkerShape shape, string label)
    {
        if (beats.Length == 0) return;
        var points = plot.Add.ScatterPoints(beats.Select(time).ToArray(), beats.Select(b => b.Score).ToArray());
        points.Color = color;
        points.MarkerSize = size;
        points.MarkerShape = shape;
        points.LegendText = label;
    }
}
