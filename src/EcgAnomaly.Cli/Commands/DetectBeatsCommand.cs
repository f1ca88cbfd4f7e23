using System.Globalization;
using System.Text;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.IO;
using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly detect-beats</c>: R peaks of one lead, and Se/+P against the reference beats when annotated.</summary>
internal sealed class DetectBeatsCommand(IAnsiConsole console) : Command<DetectBeatsSettings>
{
    public override int Execute(CommandContext context, DetectBeatsSettings settings, CancellationToken cancellationToken)
    {
        var record = EcgRecording.Open(settings.Record);
        var lead = record.ResolveLead(settings.Lead);
        if (settings.Output is { } target)
        {
            OutputPaths.EnsureWritableFile(target);
            OutputPaths.EnsureApart(target, record.Files());
        }
        var peaks = RecordProgress.Run(console, $"detecting beats in {record.Name}", record.Signals[lead].SampleCount,
            report => RecordBeats.DetectPeaks(record, lead, report, cancellationToken));
        var fs = record.Signals[lead].SamplingFrequency;
        var minutes = record.Signals[lead].SampleCount / fs / 60;
        var chosen = settings.Lead is null ? ", chosen by its description" : "";
        console.MarkupLineInvariant(
            $"record [bold]{record.Name}[/], lead {record.LeadLabel(lead)}{chosen}: ",
            $"{minutes:0.0} min at {fs:0.###} Hz, ",
            $"[bold]{peaks.Length:N0}[/] beats detected ({peaks.Length / minutes:0} per minute)");

        var reference = ReferenceBeats.Load(record, lead, settings.Annotator);
        if (reference is null)
        {
            var source = record.AnnotationSource(settings.Annotator);
            console.MarkupLineInvariant($"no reference annotations ({source}): nothing to compare with");
        }
        else
        {
            var result = reference.Compare(peaks);
            var table = new Table().AddColumns("reference beats", "detected", "TP", "FN", "FP", "sensitivity", "positive predictivity");
            table.AddRow(
                reference.Beats.Count.ToString("N0", CultureInfo.InvariantCulture),
                peaks.Length.ToString("N0", CultureInfo.InvariantCulture),
                result.TruePositives.ToString(CultureInfo.InvariantCulture),
                result.FalseNegatives.ToString(CultureInfo.InvariantCulture),
                result.FalsePositives.ToString(CultureInfo.InvariantCulture),
                (100 * result.Sensitivity).ToString("0.00", CultureInfo.InvariantCulture) + " %",
                (100 * result.PositivePredictivity).ToString("0.00", CultureInfo.InvariantCulture) + " %");
            console.Write(table);
            console.MarkupLine("matched beat by beat within 150 ms (ANSI/AAMI EC57), over the whole record");
        }
        if (settings.Output is { } output)
        {
            var csv = new StringBuilder("sample,time_s,rr_before_s\n");
            for (var i = 0; i < peaks.Length; i++)
            {
                var rrBefore = i == 0 ? "" : ((peaks[i] - peaks[i - 1]) / fs).ToString("0.###", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"{peaks[i]},{peaks[i] / fs:0.###},{rrBefore}\n");
            }
            AtomicFile.Write(output, path => File.WriteAllText(path, csv.ToString()), cancellationToken);
            console.MarkupLineInvariant($"peaks written to [bold]{output}[/]");
        }
        return 0;
    }
}
