using System.Globalization;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Data;
using EcgAnomaly.Ectopy;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Runs;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>ecg-anomaly train</c>: settings → <see cref="TrainingRun"/> → a summary on the console.</summary>
internal sealed class TrainCommand(IAnsiConsole console) : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var protocol = settings.Protocol == "official" ? EvaluationProtocol.Official : EvaluationProtocol.Seed;
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var outFolder = settings.Out ?? Path.Combine("runs", $"{stamp}-{settings.Spec(140).ShortName}");
        IO.StagingFolder.EnsureUsable(Path.GetFullPath(outFolder));
        IO.OutputPaths.EnsureApart(outFolder, settings.TrainFile, settings.TestFile, settings.Record, settings.Data);
        using var threads = TorchThreads.Use(settings.Threads);

        var (split, description, folder, recordTraining) = settings.Record is null
            ? Load(settings, protocol)
            : RecordTrainingData.Load(settings, console, cancellationToken);
        var spec = settings.Spec(split.Train.Length);
        var options = new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchChoice,
            LearningRate = settings.LearningRate,
            Schedule = settings.ScheduleChoice,
            WarmupEpochs = settings.Warmup,
            GradientClipNorm = settings.ClipNorm,
            Ensemble = settings.Ensemble,
            Seed = settings.Seed,
            Device = settings.Device,
            Engine = settings.EngineChoice,
        };
        using (var probe = spec.Build())
        {
            console.MarkupLineInvariant(
                $"[bold]{spec.ShortName}[/]: {spec.DisplayName}, [bold]{ParameterCount.Of(probe):N0}[/] parameters");
        }
        console.MarkupLineInvariant(
            $"data: {folder} ({description.Protocol}, seed {settings.Seed}): ",
            $"train {split.Train.Count}, validation {split.Validation.Count}, test {split.Test.Count} beats ",
            $"of {split.Train.Length} samples");
        if (recordTraining is not null
            && BeatShapeNotice.Describe(recordTraining.ShapeShares, recordTraining.Minutes, settings.TrainingBeatsChoice) is { } notice)
            console.MarkupLineInvariant($"[yellow]{notice}[/]");

        var request = new TrainingRunRequest(split, spec, options, settings.Policy,
            description, outFolder,
            recordTraining is null ? BeatNormalisation.None : BeatNormalisation.ZScore, recordTraining);
        TrainingRunResult result;
        if (console.Profile.Capabilities.Interactive)
        {
            result = StandardProgress.For(console)
                .AutoClear(true)
                .Start(ctx => TrainingRun.Execute(request, new ProgressTrainingObserver(console, ctx, spec.ShortName), cancellationToken));
        }
        else
        {
            // Redirected output (logs, CI): bars would only add noise, the per-epoch lines say it all.
            result = TrainingRun.Execute(request, new ProgressTrainingObserver(console, null, spec.ShortName), cancellationToken);
        }
        Summarise(result);
        return 0;
    }

    /// <summary>ECG5000 under a protocol, or any pair of UCR files (--train-file/--test-file).</summary>
    private static (DataSplit Split, RunDescription Description, string Folder, RecordTraining? Record) Load(
        TrainSettings settings,
        EvaluationProtocol protocol)
    {
        if (settings.TrainFile is { } trainFile && settings.TestFile is { } testFile)
        {
            var pool = UcrReader.Read(trainFile);
            var test = UcrReader.Read(testFile);
            if (pool.Length != test.Length)
            {
                throw DataFormatException.Malformed(
                    testFile, null, $"beats have {test.Length} samples but those of {trainFile} have {pool.Length}");
            }
            var split = DataSplit.FromFiles(pool, test, settings.NormalClass, settings.Seed);
            var sha = new Dictionary<string, string>
            {
                [Path.GetFileName(trainFile)] = Ecg5000.FileSha256(trainFile),
                [Path.GetFileName(testFile)] = Ecg5000.FileSha256(testFile),
            };
            var name = Path.GetFileNameWithoutExtension(trainFile);
            var protocolText = $"files: normals of {Path.GetFileName(trainFile)} / {Path.GetFileName(testFile)}";
            return (split, new RunDescription(name, protocolText, sha), Path.GetDirectoryName(Path.GetFullPath(trainFile))!, null);
        }
        var folder = DataLocator.LocateEcg5000(settings.Data);
        var data = Ecg5000.Load(folder);
        var ecgSplit = DataSplit.FromEcg5000(data, protocol, settings.Seed);
        return (ecgSplit, new RunDescription("ECG5000", protocol.ToString().ToLowerInvariant(), data.Sha256), folder, null);
    }

    private void Summarise(TrainingRunResult result)
    {
        var m = result.Metrics;
        var table = new Table().AddColumns("metric", "value");
        table.AddRow(m.Ensemble > 1 ? $"parameters (each of {m.Ensemble} members)" : "parameters",
            m.Parameters.ToString("N0", CultureInfo.InvariantCulture));
        if (m.MemberRocAucs is { } members)
        {
            var each = members.Select(a => a.ToString("0.0000", CultureInfo.InvariantCulture));
            table.AddRow("ROC AUC of each member alone", string.Join(" / ", each));
        }
        table.AddRow("ROC AUC (last epoch)", m.RocAuc.ToString("0.0000", CultureInfo.InvariantCulture));
        table.AddRow($"ROC AUC (best validation, epoch {m.BestEpoch})", m.RocAucBest.ToString("0.0000", CultureInfo.InvariantCulture));
        table.AddRow("PR AUC (last epoch)", m.PrAuc.ToString("0.0000", CultureInfo.InvariantCulture));
        table.AddRow($"threshold ({m.ThresholdPolicy})", m.Threshold.ToString("0.###", CultureInfo.InvariantCulture));
        table.AddRow(
            "precision / recall / F1",
            string.Create(CultureInfo.InvariantCulture, $"{m.Precision:0.000} / {m.Recall:0.000} / {m.F1:0.000}"));
        foreach (var (cls, rate) in m.PerClassDetection)
            table.AddRow($"detected, class {cls}", rate.ToString("0.000", CultureInfo.InvariantCulture));
        table.AddRow("seconds per epoch (median)", m.SecondsPerEpochMedian.ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInvariant($"AUC {m.RocAuc:0.0000}; run written to [bold]{result.Folder}[/]");
    }
}
