using System.Globalization;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Databases;
using EcgAnomaly.IO;
using EcgAnomaly.RunFolders;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary>
/// <c>ecg-anomaly fit-ectopy</c>: the population classifier of V and S beats learned from the labelled beats of a
/// per-patient evaluation's records.
/// </summary>
internal sealed class FitEctopyCommand(IAnsiConsole console) : Command<FitEctopySettings>
{
    public override int Execute(CommandContext context, FitEctopySettings settings, CancellationToken cancellationToken)
    {
        OutputPaths.EnsureApart(settings.Out, settings.From);
        var classifier = EctopicClassifierFit.FromEvaluation(settings.From, settings.RecordList);
        var json = RunJson.Serialize(classifier);
        AtomicFile.Write(settings.Out, temporary => File.WriteAllText(temporary, json), cancellationToken);
        console.MarkupLineInvariant(
            $"learned from {classifier.TrainedOn.Count} records; V threshold ",
            $"{classifier.VebThreshold.ToString("0.00", CultureInfo.InvariantCulture)}, S threshold ",
            $"{classifier.SvebThreshold.ToString("0.00", CultureInfo.InvariantCulture)}; written to [bold]{settings.Out}[/]");
        return 0;
    }
}
