using EcgAnomaly.Evaluation;
using EcgAnomaly.IO;
using ScottPlot;

namespace EcgAnomaly.Reporting;

/// <summary>The study's four plots, as PNG files written atomically.</summary>
public static class Plots
{
    private const int Width = 900;
    private const int Height = 550;
    private static readonly Color NormalColor = Color.FromHex("#1f77b4");
    private static readonly Color AbnormalColor = Color.FromHex("#d62728");

    /// <summary>Train and validation loss per epoch (epoch 1 first).</summary>
    public static void Loss(string path, IReadOnlyList<double> trainLoss, IReadOnlyList<double> validationLoss, int? bestEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(trainLoss);
        ArgumentNullException.ThrowIfNull(validationLoss);
        var plot = new Plot();
        var epochs = Enumerable.Range(1, trainLoss.Count).Select(e => (double)e).ToArray();
        AddLine(plot, epochs, trainLoss.ToArray(), NormalColor, "train");
        AddLine(plot, epochs, validationLoss.ToArray(), Color.FromHex("#ff7f0e"), "validation");
        if (bestEpoch is int best) AddMarker(plot, best, Colors.Gray, $"best validation (epoch {best})");
        plot.Title("Loss per epoch");
        plot.XLabel("epoch");
        plot.YLabel("L1 loss per beat (sum over samples)");
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path);
    }

    /// <summary>Density histograms of the scores of normal and abnormal beats, with the threshold.</summary>
    public static void Histogram(
        string path, IReadOnlyList<double> normalScores, IReadOnlyList<double> abnormalScores, double? threshold = null, int bins = 60)
    {
        var plot = new Plot();
        var all = normalScores.Concat(abnormalScores).ToArray();
        var min = all.Min();
        var max = all.Max();
        var width = max > min ? (max - min) / bins : 1;
        AddDensity(plot, normalScores, min, width, bins, NormalColor, $"normal ({normalScores.Count})");
        AddDensity(plot, abnormalScores, min, width, bins, AbnormalColor, $"abnormal ({abnormalScores.Count})");
        if (threshold is double t) AddMarker(plot, t, Colors.Black, $"threshold {t:0.##}");
        plot.Title("Reconstruction error of test beats");
        plot.XLabel("score (sum of absolute errors)");
        plot.YLabel("density");
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path);
    }

    /// <summary>The ROC curve with its AUC in the legend.</summary>
    public static void Roc(string path, IReadOnlyList<RocPoint> curve, double auc)
    {
        var plot = new Plot();
        var falsePositiveRates = curve.Select(p => p.FalsePositiveRate).ToArray();
        var truePositiveRates = curve.Select(p => p.TruePositiveRate).ToArray();
        AddLine(plot, falsePositiveRates, truePositiveRates, AbnormalColor, $"ROC (AUC = {auc:0.0000})");
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        chance.LegendText = "chance";
        plot.Axes.SetLimits(-0.01, 1.01, -0.01, 1.01);
        plot.Title("ROC curve (abnormal = positive)");
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        plot.ShowLegend(Alignment.LowerRight);
        Save(plot, path);
    }

    /// <summary>Beats overlaid with their reconstructions, one panel per beat.</summary>
    public static void Samples(string path, IReadOnlyList<(string Title, float[] Beat, float[] Reconstruction, bool Abnormal)> panels)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Count);
        for (var i = 0; i < panels.Count; i++)
        {
            var (title, beat, reconstruction, abnormal) = panels[i];
            var plot = multiplot.GetPlot(i);
            var xs = Enumerable.Range(0, beat.Length).Select(x => (double)x).ToArray();
            AddLine(plot, xs, beat.Select(v => (double)v).ToArray(), abnormal ? AbnormalColor : NormalColor, "beat");
            var recon = AddLine(plot, xs, reconstruction.Select(v => (double)v).ToArray(), Colors.Black, "reconstruction");
            recon.LinePattern = LinePattern.Dashed;
            plot.Title(title);
            plot.XLabel("sample");
            plot.YLabel("amplitude (z-score)");
            plot.ShowLegend(Alignment.LowerRight);
        }
        AtomicFile.Write(path, temporary => multiplot.SavePng(temporary, Width, Height * panels.Count * 2 / 3));
    }

    private static ScottPlot.Plottables.Scatter AddLine(Plot plot, double[] xs, double[] ys, Color color, string label)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.Color = color;
        line.LegendText = label;
        return line;
    }

    private static void AddMarker(Plot plot, double x, Color color, string label)
    {
        var line = plot.Add.VerticalLine(x);
        line.LinePattern = LinePattern.Dashed;
        line.Color = color;
        line.LegendText = label;
    }

    private static void AddDensity(Plot plot, IReadOnlyList<double> values, double min, double width, int bins, Color color, string label)
    {
        if (values.Count == 0) return;
        var counts = new double[bins];
        foreach (var v in values) counts[Math.Clamp((int)((v - min) / width), 0, bins - 1)]++;
        var bars = counts.Select((c, i) => new Bar
        {
            Position = min + (i + 0.5) * width,
            Value = c / (values.Count * width),
            Size = width,
            FillColor = color.WithAlpha(0.5),
            LineWidth = 0,
        }).ToArray();
        var series = plot.Add.Bars(bars);
        series.LegendText = label;
        series.Color = color.WithAlpha(0.5);
    }

    private static void Save(Plot plot, string path) => AtomicFile.Write(path, temporary => plot.SavePng(temporary, Width, Height));
}
