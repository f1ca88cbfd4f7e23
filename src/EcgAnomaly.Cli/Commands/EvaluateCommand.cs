using System.Globalization;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.IO;
using EcgAnomaly.Reporting;
using EcgAnomaly.RunFolders;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly evaluate</c>: a trained run folder against labelled beats.</summary>
internal sealed class EvaluateCommand(IAnsiConsole console) : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        using var threads = TorchThreads.Use(settings.Threads);
        if (settings.Out is not null)
        {
            StagingFolder.EnsureUsable(Path.GetFullPath(settings.Out));
            OutputPaths.EnsureApart(settings.Out, [settings.Input, .. InputFiles.OfRunFolder(settings.Model)]);
        }
        if (!UcrReader.Extensions.Contains(Path.GetExtension(settings.Input).ToLowerInvariant()))
            throw DataFormatException.UnknownExtension(settings.Input, UcrReader.Extensions);
        var manifest = DetectorBundle.ReadManifest(settings.Model);
        using var loaded = DetectorBundle.Load(settings.Model, settings.EngineChoice, settings.Device);
        using var detector = loaded.WithResampling(settings.Resample);
        var beats = UcrReader.Read(settings.Input);
        if (!detector.Accepts(beats.Length))
            throw DataFormatException.Malformed(settings.Input, null,
                $"beats have {beats.Length} samples but the model expects {detector.Spec.BeatLength} (use --resample to interpolate them)");
        var normal = settings.NormalClass ?? manifest.NormalClass;
        var binary = beats.Labels.Select(l => l == normal ? 0 : 1).ToArray();
        if (binary.All(b => b == 0) || binary.All(b => b == 1))
        {
            throw DataFormatException.Malformed(
                settings.Input, null, $"needs both normal (class {normal}) and abnormal beats to evaluate; use --normal-class");
        }
        var scores = detector.Score(beats);
        var report = ThresholdReport.Compute(scores, beats.Labels, normal, detector.Threshold);
        var evaluation = new EvaluationResult(
            settings.Input, beats.Count, normal, RankingMetrics.RocAuc(scores, binary), RankingMetrics.AveragePrecision(scores, binary),
            detector.Threshold, new Confusion(report.TruePositives, report.FalsePositives, report.TrueNegatives, report.FalseNegatives),
            report.Precision, report.Recall, report.F1, report.FalseAlarmRate,
            report.PerClass.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value.Rate));

        var table = new Table().AddColumns("metric", "value");
        table.AddRow("beats", beats.Count.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("ROC AUC", evaluation.RocAuc.ToString("0.0000", CultureInfo.InvariantCulture));
        table.AddRow("PR AUC (average precision)", evaluation.PrAuc.ToString("0.0000", CultureInfo.InvariantCulture));
        table.AddRow("threshold", evaluation.Threshold.ToString("0.###", CultureInfo.InvariantCulture));
        table.AddRow(
            "confusion (TP / FP / TN / FN)",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{report.TruePositives} / {report.FalsePositives} / {report.TrueNegatives} / {report.FalseNegatives}"));
        table.AddRow(
            "precision / recall / F1",
            string.Create(CultureInfo.InvariantCulture, $"{report.Precision:0.000} / {report.Recall:0.000} / {report.F1:0.000}"));
        foreach (var (cls, detection) in report.PerClass)
        {
            table.AddRow(
                cls == normal ? $"class {cls} (normal): flagged" : $"class {cls}: detected",
                string.Create(CultureInfo.InvariantCulture, $"{detection.Rate:0.000} ({detection.Flagged}/{detection.Beats})"));
        }
        console.Write(table);

        if (settings.Out is not null)
        {
            using var staging = StagingFolder.Create(settings.Out);
            AtomicFile.WriteAllText(staging.PathOf("evaluation.json"), RunJson.Serialize(evaluation));
            Plots.Roc(staging.PathOf(RunFiles.RocPlot), RankingMetrics.RocCurve(scores, binary), evaluation.RocAuc);
            Plots.Histogram(
                staging.PathOf(RunFiles.HistogramPlot),
                scores.Where((_, i) => binary[i] == 0).ToArray(),
                scores.Where((_, i) => binary[i] == 1).ToArray(),
                detector.Threshold);
            staging.Commit(cancellationToken);
            console.MarkupLineInvariant($"written to [bold]{staging.Target}[/]");
        }
        return 0;
    }
}
