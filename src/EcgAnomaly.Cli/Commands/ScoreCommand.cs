using EcgAnomaly.Cli.Internal;
using System.Globalization;
using System.Text;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly score</c>: a trained run folder applied to new beats, streamed in batches.</summary>
internal sealed class ScoreCommand(IAnsiConsole console) : Command<ScoreSettings>
{
    public override int Execute(CommandContext context, ScoreSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Output is { } output)
        {
            OutputPaths.EnsureWritableFile(output);
            OutputPaths.EnsureApart(output, [settings.Input, .. InputFiles.OfRunFolder(settings.Model)]);
        }
        using var threads = TorchThreads.Use(settings.Threads);
        var manifest = DetectorBundle.ReadManifest(settings.Model);
        using var loaded = DetectorBundle.Load(settings.Model, settings.EngineChoice, settings.Device);
        using var detector = loaded.With(settings.Policy, settings.Resample);
        var threshold = detector.Threshold;
        long beats = 0, flagged = 0;
        var labelled = new List<(double Score, int Label)>();
        void Write(TextWriter writer)
        {
            var header = false;
            foreach (var batch in BeatBatchReader.Open(settings.Input, settings.Batch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!detector.Accepts(batch.Length))
                {
                    throw DataFormatException.Malformed(
                        settings.Input,
                        null,
                        $"beats have {batch.Length} samples but the model expects {detector.Spec.BeatLength} "
                        + "(use --resample to interpolate them)");
                }
                if (!header)
                {
                    writer.Write(batch.Labels is null ? "index,score,threshold,abnormal\n" : "index,score,threshold,abnormal,label\n");
                    header = true;
                }
                var scores = detector.Score(batch.Values, batch.Length);
                var line = new StringBuilder();
                for (var i = 0; i < batch.Count; i++)
                {
                    var abnormal = scores[i] > threshold;
                    flagged += abnormal ? 1 : 0;
                    line.Append(CultureInfo.InvariantCulture, $"{batch.FirstIndex + i},{scores[i]:R},{threshold:R},{(abnormal ? 1 : 0)}");
                    if (batch.Labels is { } labels)
                    {
                        line.Append(CultureInfo.InvariantCulture, $",{labels[i]}");
                        labelled.Add((scores[i], labels[i]));
                    }
                    line.Append('\n');
                }
                writer.Write(line);
                beats += batch.Count;
            }
        }
        if (settings.Output is null)
        {
            Write(Console.Out);
        }
        else
        {
            AtomicFile.Write(settings.Output, temporary =>
            {
                using var writer = new StreamWriter(temporary, false, new UTF8Encoding(false));
                Write(writer);
            }, cancellationToken);
        }
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"scored {beats:N0} beats: {flagged:N0} flagged abnormal ({100.0 * flagged / Math.Max(beats, 1):0.0} %) "
            + $"at threshold {threshold:0.###}");
        var normalClass = manifest.NormalClass;
        if (labelled.Count > 0 && labelled.Any(l => l.Label == normalClass) && labelled.Any(l => l.Label != normalClass))
        {
            var auc = RankingMetrics.RocAuc(
                labelled.Select(l => l.Score).ToArray(),
                labelled.Select(l => l.Label == normalClass ? 0 : 1).ToArray());
            summary += string.Create(CultureInfo.InvariantCulture, $"; ROC AUC {auc:0.0000} (class {normalClass} = normal)");
        }
        // With scores on standard output the summary goes to standard error, so that the CSV stays clean.
        if (settings.Output is null) Console.Error.WriteLine(summary);
        else console.WriteLine(summary);
        return 0;
    }
}
