using EcgAnomaly.Cli.Commands;
using EcgAnomaly.Data;
using EcgAnomaly.Recordings;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary><c>train --record</c>: the recording's beats as a data split, with a progress line while they are cut.</summary>
internal static class RecordTrainingData
{
    public static (DataSplit Split, RunDescription Description, string Folder, RecordTraining? Record) Load(
        TrainSettings settings,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        var record = settings.Record!;
        var window = BeatWindow.Parse(settings.BeatWindow);
        var (split, description, training) = console.Status().Start($"detecting and cutting the beats of {record}", _ =>
            RecordTrainingSet.Build(record, settings.Lead, settings.Minutes, settings.TrainingBeatsChoice, window, 140, settings.Seed,
                cancellationToken: cancellationToken));
        return (split, description, Path.GetDirectoryName(Path.GetFullPath(record)) ?? ".", training);
    }
}
