using System.Globalization;
using System.Reflection;
using System.Text;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.IO;
using EcgAnomaly.Reporting;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Training;
using TorchSharp.PyBridge;

namespace EcgAnomaly.Runs;

/// <summary>
/// Train, evaluate and write a run folder: weights (last epoch and best validation), model.json, metrics.json,
/// history, test scores, the study's four plots and report.md. The folder appears only when complete.
/// </summary>
public static class TrainingRun
{
    /// <summary>This library's version (without build metadata), written into model.json.</summary>
    public static string ToolVersion { get; } =
        typeof(TrainingRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Trains, evaluates on the test beats and writes the run folder.</summary>
    /// <param name="request">Split, model, options, threshold policy, data description and output folder.</param>
    /// <param name="observer">Sees every batch and epoch.</param>
    /// <param name="cancellationToken">Stops between batches; the run folder does not appear.</param>
    /// <exception cref="IO.OutputFolderException">The output folder exists and is not empty.</exception>
    public static TrainingRunResult Execute(
        TrainingRunRequest request, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var split = request.Split;
        using var staging = StagingFolder.Create(request.OutputFolder);
        var preprocessing = new BeatPreprocessing(request.Normalisation);
        using var fitted = AutoencoderDetector.Fit(
            split.Train,
            split.Validation,
            request.Spec,
            request.Options,
            request.ThresholdPolicy,
            observer,
            preprocessing,
            cancellationToken);
        var last = fitted.Detector;
        using var best = AutoencoderDetector.FromStates(
            request.Spec,
            [.. fitted.Members.Select(m => m.BestState)],
            split.Validation,
            request.ThresholdPolicy,
            request.Options.Device,
            request.Options.ScoringBatchSize,
            request.Options.Engine,
            preprocessing);

        var binary = split.TestBinaryLabels();
        var scores = last.Score(split.Test);
        var bestScores = best.Score(split.Test);
        var report = ThresholdReport.Compute(scores, split.Test.Labels, split.NormalClass, last.Threshold);
        var ensemble = fitted.Members.Count;
        IReadOnlyList<double>? memberAucs = ensemble > 1 && BothClasses(binary)
            ? [.. last.ScoreMembers(split.Test).Select(s => RankingMetrics.RocAuc(s, binary))]
            : null;
        var metrics = new RunMetrics
        {
            Model = request.Spec.ShortName,
            Parameters = last.ParameterCount,
            RocAuc = BothClasses(binary) ? RankingMetrics.RocAuc(scores, binary) : double.NaN,
            RocAucBest = BothClasses(binary) ? RankingMetrics.RocAuc(bestScores, binary) : double.NaN,
            PrAuc = BothClasses(binary) ? RankingMetrics.AveragePrecision(scores, binary) : double.NaN,
            PrAucBest = BothClasses(binary) ? RankingMetrics.AveragePrecision(bestScores, binary) : double.NaN,
            Threshold = last.Threshold,
            ThresholdPolicy = request.ThresholdPolicy.ToString(),
            Precision = report.Precision,
            Recall = report.Recall,
            F1 = report.F1,
            FalseAlarmRate = report.FalseAlarmRate,
            Confusion = new Confusion(report.TruePositives, report.FalsePositives, report.TrueNegatives, report.FalseNegatives),
            PerClassDetection = report.PerClass.Where(kv => kv.Key != split.NormalClass)
                .ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value.Rate),
            Epochs = request.Options.Epochs,
            BestEpoch = fitted.Training.BestEpoch,
            FinalTrainLoss = fitted.Training.History[^1].TrainLoss,
            FinalValidationLoss = fitted.Training.History[^1].ValidationLoss,
            SecondsPerEpochMedian = MedianEpochSeconds(fitted.Members),
            Engine = fitted.Training.Engine.ToString().ToLowerInvariant(),
            TrainBeats = split.Train.Count,
            ValidationBeats = split.Validation.Count,
            TestBeats = split.Test.Count,
            Seed = request.Options.Seed,
            Protocol = request.Description.Protocol,
            Ensemble = ensemble,
            MemberRocAucs = memberAucs,
        };

        for (var m = 1; m <= ensemble; m++)
        {
            var (lastModel, bestModel) = (last.Members[m - 1], best.Members[m - 1]);
            AtomicFile.Write(staging.PathOf(RunFiles.MemberWeights(m)), path => lastModel.save_py(path), cancellationToken);
            AtomicFile.Write(staging.PathOf(RunFiles.MemberBestWeights(m)), path => bestModel.save_py(path), cancellationToken);
            AtomicFile.WriteAllText(staging.PathOf(RunFiles.MemberHistory(m)), HistoryCsv(fitted.Members[m - 1].History));
        }
        AtomicFile.WriteAllText(staging.PathOf(RunFiles.Manifest), RunJson.Serialize(Manifest(request, last, fitted.Members)));
        AtomicFile.WriteAllText(staging.PathOf(RunFiles.Metrics), RunJson.Serialize(metrics));
        AtomicFile.WriteAllText(staging.PathOf(RunFiles.Scores), ScoresCsv(split, scores, bestScores, last.Threshold));
        // Kept so that another threshold policy can be applied at scoring time without the training data.
        AtomicFile.WriteAllText(staging.PathOf(RunFiles.ValidationScores), ValidationScoresFile.Format(last.ValidationScores));
        WritePlots(staging, split, last, fitted.Training, scores, binary, metrics);
        AtomicFile.WriteAllText(staging.PathOf(RunFiles.Report), RunReport.Markdown(request, metrics));
        staging.Commit(cancellationToken);
        return new TrainingRunResult(staging.Target, metrics);
    }

    /// <summary>A test set of one class (an unannotated recording's remainder) has no ROC: its AUCs are NaN.</summary>
    private static bool BothClasses(int[] binary) => binary.Contains(0) && binary.Contains(1);

    /// <summary>The median over every epoch of every member: each member trains alone, so its epochs are comparable.</summary>
    private static double MedianEpochSeconds(IReadOnlyList<TrainingResult> members) =>
        Percentile.Of([.. members.SelectMany(m => m.History).Select(h => h.Seconds)], 50);

    private static ModelManifest Manifest(TrainingRunRequest request, AutoencoderDetector last, IReadOnlyList<TrainingResult> nets) => new()
    {
        ToolVersion = ToolVersion,
        Architecture = request.Spec,
        Parameters = last.ParameterCount,
        HyperParameters = new HyperParameters(
            request.Options.Epochs, request.Options.BatchSize, request.Options.LearningRate, request.Options.Seed,
            "Adam", "L1, sum over the batch")
        {
            LearningRateSchedule = request.Options.Schedule.ToString().ToLowerInvariant(),
            WarmupEpochs = request.Options.WarmupEpochs,
            GradientClipNorm = request.Options.GradientClipNorm,
        },
        DataSet = request.Description.DataSet,
        Protocol = request.Description.Protocol,
        NormalClass = request.Split.NormalClass,
        DataSha256 = request.Description.DataSha256,
        Normalisation = request.Normalisation,
        Record = request.Record,
        Threshold = new ThresholdInfo(
            last.Threshold, request.ThresholdPolicy.ToString(), $"validation normal beats ({request.Split.Validation.Count})"),
        Weights = RunFiles.Weights,
        BestWeights = RunFiles.BestWeights,
        BestEpoch = nets[0].BestEpoch,
        Members = nets.Count == 1 ? null : [.. nets.Select((m, i) => new EnsembleMember(
            request.Options.Seed + i, RunFiles.MemberWeights(i + 1), RunFiles.MemberBestWeights(i + 1), m.BestEpoch))],
        CreatedUtc = DateTimeOffset.UtcNow,
    };

    private static string HistoryCsv(IReadOnlyList<EpochRecord> history)
    {
        var csv = new StringBuilder("epoch,train_loss,validation_loss,seconds\n");
        foreach (var h in history)
            csv.Append(CultureInfo.InvariantCulture, $"{h.Epoch},{h.TrainLoss:R},{h.ValidationLoss:R},{h.Seconds:0.###}\n");
        return csv.ToString();
    }

    private static string ScoresCsv(Data.DataSplit split, double[] scores, double[] bestScores, double threshold)
    {
        var csv = new StringBuilder("index,class,abnormal,score,score_best,flagged\n");
        for (var i = 0; i < scores.Length; i++)
        {
            var label = split.Test.Labels[i];
            csv.Append(CultureInfo.InvariantCulture,
                $"{i},{label},{(split.IsAbnormal(label) ? 1 : 0)},{scores[i]:R},{bestScores[i]:R},{(scores[i] > threshold ? 1 : 0)}\n");
        }
        return csv.ToString();
    }

    private static void WritePlots(
        StagingFolder staging,
        Data.DataSplit split,
        AutoencoderDetector last,
        TrainingResult training,
        double[] scores,
        int[] binary,
        RunMetrics metrics)
    {
        var trainLoss = training.History.Select(h => h.TrainLoss).ToArray();
        var validationLoss = training.History.Select(h => h.ValidationLoss).ToArray();
        Plots.Loss(staging.PathOf(RunFiles.LossPlot), trainLoss, validationLoss, training.BestEpoch);
        var normal = scores.Where((_, i) => binary[i] == 0).ToArray();
        var abnormal = scores.Where((_, i) => binary[i] == 1).ToArray();
        Plots.Histogram(staging.PathOf(RunFiles.HistogramPlot), normal, abnormal, last.Threshold);
        if (BothClasses(binary)) Plots.Roc(staging.PathOf(RunFiles.RocPlot), RankingMetrics.RocCurve(scores, binary), metrics.RocAuc);
        var panels = new List<(string, float[], float[], bool)>();
        foreach (var wanted in new[] { 0, 1 })
        {
            var index = Array.IndexOf(binary, wanted);
            if (index < 0) continue;
            var beat = split.Test.Beat(index);
            var kind = wanted == 0 ? "normal" : "abnormal";
            // Drawn as the model sees it, beside what it made of it.
            panels.Add(($"Test beat {index} ({kind}, class {split.Test.Labels[index]}): score {scores[index]:0.#}",
                last.Preprocess(beat, split.Test.Length), last.Reconstruct(beat), wanted == 1));
        }
        Plots.Samples(staging.PathOf(RunFiles.SamplePlot), panels);
    }
}
