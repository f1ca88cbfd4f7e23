using EcgAnomaly.Detection;
using EcgAnomaly.Ectopy;
using EcgAnomaly.Models;
using EcgAnomaly.Recordings;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals;
using EcgAnomaly.Training;

namespace EcgAnomaly.Databases;

/// <summary>
/// One record under the per-patient protocol: the default model trained on the beats of its first minutes, every
/// later beat scored, the flagged ones labelled V (then S) and compared with the reference by EC57. Records with paced
/// beats are skipped: a model of this patient's rhythm would flag or learn the pacing, which EC57 leaves out.
/// </summary>
internal static class PerPatientEvaluation
{
    private const int BeatLength = 140;
    private const int NormalCode = 1;
    private const int VebCode = 5;
    private const int SvebCode = 8;

    // Shares of a record's progress: training dominates the time, reading and scoring share the rest.
    private const double ReadShare = 0.1;
    private const double TrainShare = 0.8;

    public static RecordEvaluation Evaluate(string database, string name, Ec57Protocol protocol, PerPatientProtocol perPatient,
        EctopicClassifier? classifier, Action<string, double>? progress, CancellationToken cancellationToken)
    {
        progress?.Invoke("reading", 0);
        var path = Path.Combine(database, name + ".hea");
        var record = EcgRecording.Open(path);
        var lead = record.ResolveLead(protocol.Lead);
        var signal = record.Signals[lead];
        var annotations = record.ReadAnnotations(lead, protocol.Annotator)
            ?? throw DataFormatException.Malformed(record.AnnotationSource(protocol.Annotator), null, "no reference annotations");
        var paced = annotations.Count(a => a.IsBeat && a.Symbol is "/" or "f");
        if (paced > 0)
        {
            progress?.Invoke("skipped", 1);
            return RecordEvaluation.Skip(name, $"paced record ({paced} paced or fusion-of-paced beats in the reference)");
        }

        var (split, _, training) = RecordTrainingSet.Build(path, protocol.Lead, perPatient.Minutes, perPatient.TrainingBeats, BeatWindow.Rr,
            BeatLength, perPatient.Seed, f => progress?.Invoke("reading", ReadShare * f), cancellationToken);
        var options = new TrainingOptions { Epochs = perPatient.Epochs, Seed = perPatient.Seed, Device = "cpu" };
        progress?.Invoke("training", ReadShare);
        var observer = new EpochProgress(e => progress?.Invoke("training", ReadShare + (TrainShare * e / perPatient.Epochs)));
        using var fitted = AutoencoderDetector.Fit(split.Train, split.Validation, ModelSpec.Lstm(32, BeatLength), options,
            ThresholdPolicy.Parse(perPatient.ThresholdPolicy), observer, BeatPreprocessing.ZScore, cancellationToken);
        var detector = fitted.Detector;

        var fromSample = (long)Math.Round(perPatient.Minutes * 60 * signal.SamplingFrequency);
        var total = Math.Max(1, signal.SampleCount);
        // Every detected beat, those of the learning period too, is a test annotation: the QRS counts then agree with
        // the QRS detector's own evaluation; EC57 does not score the learning period.
        var scoreShare = 1 - ReadShare - TrainShare;
        var all = RecordBeats.Scan(record, lead, BeatLength, BeatWindow.Rr, 0, long.MaxValue,
            read => progress?.Invoke("scoring", ReadShare + TrainShare + (scoreShare * Math.Min(1, (double)read / total))),
            cancellationToken).ToArray();
        var early = all.Where(b => b.Sample < fromSample).Select(b => b.Sample).ToArray();
        var scored = BatchScoring.Score(all.Where(b => b.Sample >= fromSample), detector, 512)
            .Select(p => (p.Beat.Sample, p.Score, Flagged: p.Score > detector.Threshold))
            .ToArray();

        progress?.Invoke("comparing", 1);
        var reference = ReferenceBeats.Load(record, lead, protocol.Annotator)!;
        var matched = reference.Between(fromSample, long.MaxValue).Match(scored.Select(b => b.Sample).ToArray()).Matched;
        var rhythm = BeatRhythm.Of([.. all.Select(b => b.Sample)], signal.SamplingFrequency)[early.Length..];
        var beats = Details(record, lead, fromSample, training, [.. scored.Select(b => (b.Sample, b.Score, b.Flagged))], matched, rhythm,
            cancellationToken);
        var options57 = protocol.OptionsFor(signal.SamplingFrequency, signal.SampleCount);
        var result = RecordEvaluation.Of(name, record, lead, annotations, all.Length, Ec57Counts.Zero);
        var common = new PerPatientResult
        {
            Threshold = detector.Threshold,
            TrainBeats = split.Train.Count,
            ValidationBeats = split.Validation.Count,
            ScoredBeats = scored.Length,
            FlaggedBeats = 0,
            SvebCounts = Ec57Counts.Zero,
            NormalScores = [],
            VebScores = [],
            SvebScores = [],
        };
        progress?.Invoke("done", 1);
        if (classifier is not null)
            return Classified(result, common, classifier, annotations, early, beats, matched, options57);

        double[] ScoresOf(AamiClass aami) => [.. scored.Where((_, i) => matched[i]?.Aami == aami).Select(b => b.Score)];
        var flaggedAs = (int code) => Annotations(early, [.. scored.Select(b => (b.Sample, b.Flagged ? code : NormalCode))]);
        return result with
        {
            Counts = Ec57Comparison.Compare(annotations, flaggedAs(VebCode), options57),
            PerPatient = common with
            {
                FlaggedBeats = scored.Count(b => b.Flagged),
                SvebCounts = Ec57Comparison.Compare(annotations, flaggedAs(SvebCode), options57),
                NormalScores = ScoresOf(AamiClass.N),
                VebScores = ScoresOf(AamiClass.V),
                SvebScores = ScoresOf(AamiClass.S),
                Beats = beats,
            },
        };
    }

    /// <summary>Each scored beat with its reference class, score, rhythm, QRS correlation and shape-group rhythm.</summary>
    private static PerPatientBeat[] Details(EcgRecording record, int lead, long fromSample, RecordTraining training,
        (long Sample, double Score, bool Flagged)[] scored, WfdbAnnotation?[] matched, BeatRhythm[] rhythm,
        CancellationToken cancellationToken)
    {
        var (correlations, groups, _) = QrsShapes.Measure(record, lead, fromSample, training.QrsTemplate,
            [.. scored.Select(b => b.Sample)], rhythm, groups: true, cancellationToken);
        return [.. scored.Select((b, i) => new PerPatientBeat(b.Sample, matched[i]?.Aami.ToString(), b.Score,
            rhythm[i].RrBefore, rhythm[i].RrAfter, rhythm[i].LocalRr, b.Flagged, correlations[i])
        {
            GroupShare = groups[i].Share,
            GroupPrematurity = groups[i].Prematurity,
            GroupPause = groups[i].Pause,
            SlowRr = rhythm[i].SlowRr,
            Irregularity = rhythm[i].Irregularity,
        })];
    }

    /// <summary>The population classifier labels each scored beat V, S or N; AUCs rank its V and S probabilities.</summary>
    private static RecordEvaluation Classified(RecordEvaluation result, PerPatientResult common, EctopicClassifier classifier,
        IReadOnlyList<WfdbAnnotation> annotations, long[] early, PerPatientBeat[] beats, WfdbAnnotation?[] matched,
        Ec57Options options57)
    {
        var verdicts = beats.Select(b => classifier.Classify(EctopicClassifierFit.Features(b, common.Threshold))).ToArray();
        var codes = verdicts.Select(v => v.Class switch { AamiClass.V => VebCode, AamiClass.S => SvebCode, _ => NormalCode });
        var counts = Ec57Comparison.Compare(annotations, Annotations(early, [.. beats.Zip(codes, (b, c) => (b.Sample, c))]), options57);
        double[] Of(AamiClass aami, Func<(double Veb, double Sveb, AamiClass Class), double> score) =>
            [.. verdicts.Where((_, i) => matched[i]?.Aami == aami).Select(score)];
        return result with
        {
            Counts = counts,
            PerPatient = common with
            {
                FlaggedBeats = verdicts.Count(v => v.Class != AamiClass.N),
                SvebCounts = counts,
                NormalScores = Of(AamiClass.N, v => v.Veb),
                VebScores = Of(AamiClass.V, v => v.Veb),
                SvebScores = Of(AamiClass.S, v => v.Sveb),
                NormalSvebScores = Of(AamiClass.N, v => v.Sveb),
                ScoresCalibrated = true,
                Beats = [.. beats.Select((b, i) => b with
                {
                    Flagged = verdicts[i].Class != AamiClass.N,
                    Verdict = verdicts[i].Class.ToString(),
                })],
            },
        };
    }

    /// <summary>The learning period's beats as N, then the scored beats with their codes.</summary>
    private static WfdbAnnotation[] Annotations(long[] early, (long Sample, int Code)[] scored) =>
    [
        .. early.Select(s => Beat(s, NormalCode)),
        .. scored.Select(b => Beat(b.Sample, b.Code)),
    ];

    private static WfdbAnnotation Beat(long sample, int code) => new(sample, code, AnnotationCodes.Symbol(code), 0, 0, 0, null);

    /// <summary>Reports each finished epoch.</summary>
    private sealed class EpochProgress(Action<int> epochDone) : ITrainingObserver
    {
        public void OnEpochStarted(int epoch, int epochs, int batches)
        {
        }

        public void OnBatchCompleted(int epoch, int batch, int batches)
        {
        }

        public void OnEpochCompleted(EpochRecord record, int epochs) => epochDone(record.Epoch);
    }
}
