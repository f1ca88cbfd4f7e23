using System.Globalization;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly record</c>: every beat of a recording scored; beats.csv, summary.md and plots.</summary>
internal sealed class RecordCommand(IAnsiConsole console) : Command<RecordSettings>
{
    public override int Execute(CommandContext context, RecordSettings settings, CancellationToken cancellationToken)
    {
        using var threads = TorchThreads.Use(settings.Threads);
        var record = EcgRecording.Open(settings.Record);
        var outFolder = settings.Out ?? $"record-{record.Name}";
        IO.StagingFolder.EnsureUsable(Path.GetFullPath(outFolder));
        IO.OutputPaths.EnsureApart(outFolder, [.. record.Files(), .. InputFiles.OfRunFolder(settings.Model)]);
        var request = new RecordScoringRequest(settings.Model, settings.Record, outFolder, settings.Lead,
            settings.BeatWindow is null ? null : BeatWindow.Parse(settings.BeatWindow), settings.From,
            settings.Policy, settings.EngineChoice, Strips: settings.Strips, Ectopy: settings.Ectopy);
        var summary = RecordProgress.Run(console, $"scoring the beats of {record.Name}", 1000,
            report => RecordScoring.Execute(request, fraction => report((long)(fraction * 1000)), cancellationToken));

        console.MarkupLineInvariant(
            $"record [bold]{summary.Record}[/], lead {summary.Lead}: [bold]{summary.Beats:N0}[/] beats scored, ",
            $"[bold]{summary.Flagged:N0}[/] flagged ({100.0 * summary.Flagged / Math.Max(1, summary.Beats):0.0} %), ",
            $"heart rate {summary.HeartRateBpm:0}/min");
        if (summary.VerdictCounts is { } verdicts)
            console.MarkupLineInvariant($"classes: {string.Join(", ", verdicts.Select(kv => $"{kv.Key} {kv.Value:N0}"))}");
        if (summary.AucAgainstNormal.Count > 0)
        {
            var table = new Table().AddColumns("class vs AAMI N", "beats", "ROC AUC", "flagged");
            foreach (var a in summary.AucAgainstNormal)
            {
                table.AddRow(
                    a.Class == "all" ? "all non-N" : a.Class,
                    a.Beats.ToString("N0", CultureInfo.InvariantCulture),
                    a.RocAuc.ToString("0.0000", CultureInfo.InvariantCulture),
                    (100 * a.FlaggedRate).ToString("0.0", CultureInfo.InvariantCulture) + " %");
            }
            console.Write(table);
        }
        console.MarkupLineInvariant(
            $"written to [bold]{outFolder}[/]: ",
            $"{RecordScoring.SummaryFile}, {RecordScoring.BeatsFile}, {RecordScoring.ScorePlotFile}, {RecordScoring.StripsPlotFile}");
        return 0;
    }
}
