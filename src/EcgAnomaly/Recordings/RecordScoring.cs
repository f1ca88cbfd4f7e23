using System.Diagnostics;
using EcgAnomaly.Detection;
using EcgAnomaly.Ectopy;
using EcgAnomaly.Evaluation;
using EcgAnomaly.IO;
using EcgAnomaly.Reporting;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>
/// <c>ecg-anomaly record</c>: every beat of a WFDB recording scored by a trained run. Writes beats.csv, summary.md,
/// summary.json, score-over-time.png and strips.png into a folder that appears only when complete.
/// </summary>
public static class RecordScoring
{
    /// <summary>Every beat with its time, RR interval, score and flag (and reference class when annotated).</summary>
    public const string BeatsFile = "beats.csv";

    /// <summary>The summary for people.</summary>
    public const string SummaryFile = "summary.md";

    /// <summary>The summary for programs (<see cref="RecordSummary"/>).</summary>
    public const string SummaryJsonFile = "summary.json";

    /// <summary>Every beat's score against time, with the threshold.</summary>
    public const string ScorePlotFile = "score-over-time.png";

    /// <summary>The most abnormal 10-second stretches of signal.</summary>
    public const string StripsPlotFile = "strips.png";

    /// <summary>The value of <c>--ectopy</c> that labels no beat.</summary>
    public const string NoEctopy = "none";

    /// <summary>
    /// Scores every beat of the request's recording from its start minute on with the run's detector and writes the
    /// output folder (which appears only when complete).
    /// </summary>
    /// <param name="request">Record, run folder, lead, window, threshold policy, output folder.</param>
    /// <param name="progress">Fraction of the record read so far (0-1).</param>
    /// <param name="cancellationToken">Stops between chunks; nothing is left behind.</param>
    /// <exception cref="DataFormatException">The record or the run folder cannot be read.</exception>
    /// <exception cref="IO.OutputFolderException">The output folder exists and is not empty.</exception>
    public static RecordSummary Execute(
        RecordScoringRequest request, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var manifest = DetectorBundle.ReadManifest(request.RunFolder);
        // A model of shorter beats is valid for score, but no beat that short can be cut from a recording: say which file.
        if (manifest.Architecture.BeatLength < BeatScanner.MinimumBeatLength)
            throw DataFormatException.Malformed(Path.Combine(request.RunFolder, RunFiles.Manifest), null,
                $"the model's beats have {manifest.Architecture.BeatLength} samples; beats cut from a recording need "
                + $"{BeatScanner.MinimumBeatLength} or more");
        var record = EcgRecording.Open(request.RecordPath);
        var trainedHere = manifest.Record is { } trained && trained.Name == record.Name ? trained : null;
        var lead = record.ResolveLead(request.Lead ?? manifest.Record?.Lead);
        var fs = record.Signals[lead].SamplingFrequency;
        var window = request.Window ?? (manifest.Record is { } r ? BeatWindow.Parse(r.BeatWindow) : BeatWindow.Rr);
        var fromMinutes = request.FromMinutes ?? trainedHere?.Minutes ?? 0;
        Preconditions.CheckArgumentRange(nameof(request.FromMinutes), fromMinutes, 0, InputLimits.MaxRecordMinutes);
        var fromSample = (long)Math.Round(fromMinutes * 60 * fs);
        var reference = ReferenceBeats.Load(record, lead);
        var classifier = ChooseClassifier(request.Ectopy, trainedHere?.QrsTemplate is not null);
        if (classifier is not null && trainedHere?.QrsTemplate is null)
            throw DataFormatException.Malformed(Path.Combine(request.RunFolder, RunFiles.Manifest), null,
                $"--ectopy needs a model trained on record {record.Name} (train --record), whose dominant QRS shape it compares "
                + "beats with");

        using var staging = StagingFolder.Create(request.OutputFolder);
        using var loaded = DetectorBundle.Load(request.RunFolder, request.Engine);
        using var replaced = request.Policy is null ? null : loaded.WithThresholdPolicy(request.Policy);
        var detector = replaced ?? loaded;
        var threshold = detector.Threshold;
        var length = detector.Spec.BeatLength;

        var total = Math.Max(1, record.Signals[lead].SampleCount);
        var extracted = RecordBeats.Scan(record, lead, length, window, fromSample, long.MaxValue,
            read => progress?.Invoke(Math.Min(1, (double)read / total)), cancellationToken);
        // Keep where each beat is and its score, not its samples: memory stays small on a day-long recording.
        var beats = BatchScoring.Score(extracted, detector, request.BatchSize)
            .Select(p => (Beat: p.Beat with { Values = [] }, p.Score))
            .ToArray();

        var match = reference?.Between(fromSample, long.MaxValue).Match(beats.Select(b => b.Beat.Sample).ToArray());
        var detection = match?.Result;
        var rhythm = BeatRhythm.Of([.. beats.Select(b => b.Beat.Sample)], fs);
        var timing = beats.Select((b, i) => rhythm[i] with { RrBefore = b.Beat.RrBefore }).ToArray();
        var (correlations, groups, agreement) = QrsShapes.Measure(record, lead, fromSample, trainedHere?.QrsTemplate,
            [.. beats.Select(b => b.Beat.Sample)], timing, groups: classifier is not null, cancellationToken);
        var scored = new ScoredBeat[beats.Length];
        for (var i = 0; i < beats.Length; i++)
        {
            var (beat, score) = beats[i];
            scored[i] = new ScoredBeat(beat.Index, beat.Sample, beat.Seconds, beat.RrBefore, score, score > threshold,
                match?.Matched[i]?.Symbol, match?.Matched[i]?.Aami)
            {
                RrAfter = rhythm[i].RrAfter,
                LocalRr = rhythm[i].LocalRr,
                SlowRr = rhythm[i].SlowRr,
                Irregularity = rhythm[i].Irregularity,
                QrsCorrelation = correlations[i],
            };
            if (classifier is null) continue;
            var (veb, sveb, aami) = classifier.Classify(new EctopicFeatures(
                score / threshold, correlations[i], timing[i], groups[i]));
            scored[i] = scored[i] with { Verdict = aami, VebProbability = veb, SvebProbability = sveb };
        }
        var rr = scored.Select(b => b.RrBefore).Where(v => !double.IsNaN(v) && v > 0).Order().ToArray();
        var summary = new RecordSummary
        {
            Record = record.Name,
            Lead = record.LeadLabel(lead),
            RecordPath = Path.GetFullPath(record.DescriptorFile),
            SignalIndex = lead,
            SamplingFrequency = fs,
            DurationSeconds = record.Signals[lead].SampleCount / fs,
            FromSeconds = fromSample / fs,
            Model = $"{manifest.Architecture.ShortName} ({manifest.DataSet}, {manifest.Protocol})",
            BeatWindow = window.ToString(),
            Threshold = threshold,
            ThresholdPolicy = request.Policy?.ToString() ?? manifest.Threshold.Policy,
            Beats = scored.Length,
            Flagged = scored.Count(b => b.Flagged),
            HeartRateBpm = rr.Length == 0 ? double.NaN : 60 / rr[rr.Length / 2],
            Sensitivity = detection?.Sensitivity,
            PositivePredictivity = detection?.PositivePredictivity,
            ReferenceBeats = detection is null ? null : detection.TruePositives + detection.FalseNegatives,
            ClassCounts = scored.Where(b => b.Aami is not null).GroupBy(b => b.Aami!.Value.ToString()).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => g.Count()),
            AucAgainstNormal = reference is null ? [] : ClassAucs(scored),
            SecondsElapsed = clock.Elapsed.TotalSeconds,
            Ectopy = classifier is null ? null : request.Ectopy ?? EctopicClassifier.BuiltInName,
            EctopyRecords = classifier?.TrainedOn.Count,
            EctopySawRecord = classifier?.Saw(DatabaseOf(request.RecordPath), record.Name),
            VerdictCounts = classifier is null ? null : scored.GroupBy(b => b.Verdict!.Value.ToString()).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => g.Count()),
            ShapeNotice = trainedHere is null ? null : BeatShapeNotice.Describe(trainedHere.ShapeShares, trainedHere.Minutes,
                trainedHere.TrainingBeats is { } learned ? TrainingBeatsNames.Parse(learned)
                : trainedHere.OnlyNormal ? TrainingBeats.AnnotatedNormal : TrainingBeats.All),
            NormalChangeNotice = agreement < QrsShapes.ChangedNormal
                ? FormattableString.Invariant(
                    $"the most frequent QRS shape after the first {trainedHere!.Minutes:0.##} min correlates {agreement:0.00} with ")
                  + "the one the model learned (a conduction change?); QRS correlations and classes compare beats with the later "
                  + "shape, reconstruction errors still with the first minutes'"
                : null,
        };

        AtomicFile.WriteAllText(staging.PathOf(BeatsFile), RecordReport.BeatsCsv(scored, reference is not null));
        RecordPlots.ScoreOverTime(
            staging.PathOf(ScorePlotFile),
            $"Record {summary.Record}, lead {summary.Lead}: reconstruction error per beat",
            scored.Select(b => b.ToMark()).ToArray(),
            threshold,
            summary.DurationSeconds);
        var strips = RecordStrips.Select(scored, record, lead, request.Strips);
        RecordPlots.Strips(staging.PathOf(StripsPlotFile), strips, fs);
        AtomicFile.WriteAllText(staging.PathOf(SummaryJsonFile), RunJson.Serialize(summary));
        AtomicFile.WriteAllText(staging.PathOf(SummaryFile), RecordReport.SummaryMarkdown(summary, request));
        staging.Commit(cancellationToken);
        return summary;
    }

    /// <summary>AAMI N against each other AAMI class present, and against all of them together.</summary>
    /// <summary>
    /// The classifier <c>--ectopy</c> asks for: a file, <see cref="EctopicClassifier.BuiltInName"/>, or "none"; without
    /// the option the built-in one whenever the model learned this record (it needs that record's dominant QRS shape).
    /// </summary>
    private static EctopicClassifier? ChooseClassifier(string? ectopy, bool learnedThisRecord) => ectopy switch
    {
        null => learnedThisRecord ? EctopicClassifier.BuiltIn : null,
        NoEctopy => null,
        EctopicClassifier.BuiltInName => EctopicClassifier.BuiltIn,
        _ => EctopicClassifier.Read(ectopy),
    };

    /// <summary>The database a record belongs to as fit-ectopy names it: the folder it lies in.</summary>
    private static string DatabaseOf(string recordPath) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(recordPath))) ?? "";

    private static List<ClassAuc> ClassAucs(IReadOnlyList<ScoredBeat> beats)
    {
        var result = new List<ClassAuc>();
        var normal = beats.Where(b => b.Aami == AamiClass.N).ToArray();
        if (normal.Length == 0) return result;
        var others = beats.Where(b => b.Aami is not null and not AamiClass.N).ToArray();
        foreach (var group in others.GroupBy(b => b.Aami!.Value).OrderBy(g => g.Key))
            result.Add(Auc(group.Key.ToString(), normal, group.ToArray()));
        if (others.Length > 0) result.Add(Auc("all", normal, others));
        return result;
    }

    private static ClassAuc Auc(string name, ScoredBeat[] normal, ScoredBeat[] abnormal)
    {
        var scores = normal.Select(b => b.Score).Concat(abnormal.Select(b => b.Score)).ToArray();
        var labels = normal.Select(_ => 0).Concat(abnormal.Select(_ => 1)).ToArray();
        return new ClassAuc(name, abnormal.Length, normal.Length, RankingMetrics.RocAuc(scores, labels),
            abnormal.Count(b => b.Flagged) / (double)abnormal.Length);
    }
}
