using System.Globalization;
using EcgAnomaly.Data;
using EcgAnomaly.Ectopy;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>
/// A patient-specific data split from one recording (the classic Holter use): train and validation beats from the
/// first minutes, test beats from the rest. Test labels are the AAMI classes of the matched reference annotations
/// (1 N, 2 S, 3 V, 4 F, 5 Q; beats that match no annotation are left out of the test set); without annotations
/// every test beat is labelled 1, and the run's AUCs are NaN.
/// </summary>
public static class RecordTrainingSet
{
    /// <summary>The class label of AAMI N beats, and of every test beat of a record without annotations.</summary>
    public const int NormalLabel = 1;

    /// <summary>The class label of an AAMI class: N 1, S 2, V 3, F 4, Q 5.</summary>
    public static int Label(AamiClass aami) => (int)aami + 1;

    // model.json keeps the shares of the largest shapes only: the tail is single odd beats.
    private const int MaxShapesRemembered = 5;

    /// <summary>
    /// Cuts every beat of one lead and splits them at <paramref name="minutes"/>: the beats before are shuffled with
    /// <paramref name="seed"/> into training and validation normals, the beats after are the test set.
    /// </summary>
    /// <param name="recordPath">The record's path (as <see cref="EcgRecording.Open"/> takes it).</param>
    /// <param name="lead">Lead name (e.g. "MLII") or signal number; null for the ECG lead chosen by description.</param>
    /// <param name="minutes">Minutes from the start of the recording to learn from.</param>
    /// <param name="trainingBeats">Which beats of the first minutes to learn from (annotated-normal needs annotations).</param>
    /// <param name="window">Which stretch around each R peak becomes a beat.</param>
    /// <param name="beatLength">Samples per cut beat.</param>
    /// <param name="seed">Seeds the training/validation shuffle.</param>
    /// <param name="progress">Fraction of the record read so far (0-1).</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <returns>The split, the data set's description for model.json, and what the run remembers about the record.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No beat after the first <paramref name="minutes"/> is left to test on.</exception>
    /// <exception cref="DataFormatException">
    /// The record cannot be read, has no annotations when <paramref name="trainingBeats"/> asks for them, or is not longer
    /// than the training minutes.
    /// </exception>
    public static (DataSplit Split, RunDescription Description, RecordTraining Record) Build(
        string recordPath, string? lead, double minutes, TrainingBeats trainingBeats, BeatWindow window, int beatLength, int seed,
        Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var record = EcgRecording.Open(recordPath);
        var signal = record.ResolveLead(lead);
        var reference = ReferenceBeats.Load(record, signal);
        var onlyNormal = trainingBeats == TrainingBeats.AnnotatedNormal;
        if (onlyNormal && reference is null)
            throw DataFormatException.Malformed(record.DescriptorFile, null,
                "training on reference-labelled normal beats only needs the reference annotations (.atr), and this record has none");
        var fs = record.Signals[signal].SamplingFrequency;
        var length = record.Signals[signal].SampleCount;
        var split = (long)Math.Round(minutes * 60 * fs);
        if (split >= length)
        {
            var recordMinutes = length / fs / 60;
            throw DataFormatException.Malformed(record.DescriptorFile, null, string.Create(CultureInfo.InvariantCulture,
                $"the record lasts {recordMinutes:0.#} min, so the first {minutes:0.#} min leave nothing to test on"));
        }

        var total = (double)length;
        var beats = RecordBeats.Scan(
                record, signal, beatLength, window, 0, long.MaxValue, read => progress?.Invoke(read / total), cancellationToken)
            .ToArray();
        var matched = reference?.Match(beats.Select(b => b.Sample).ToArray()).Matched;
        var learn = new List<int>();
        var test = new List<int>();
        for (var i = 0; i < beats.Length; i++)
        {
            if (beats[i].Sample < split)
            {
                if (!onlyNormal || matched![i]?.Aami == AamiClass.N) learn.Add(i);
            }
            else if (matched is null || matched[i]?.Aami is not null)
            {
                test.Add(i);
            }
        }
        // Shapes are compared on the QRS alone (a second, short scan of the first minutes); a beat too close to the start
        // for that window has no shape and is not learnt from when the dominant shape is asked for.
        var qrs = RecordBeats.Scan(record, signal, beatLength, BeatShapeClusters.Window, 0, split, cancellationToken: cancellationToken)
            .ToDictionary(b => b.Sample, b => b.Values);
        var shaped = learn.Where(i => qrs.ContainsKey(beats[i].Sample)).ToArray();
        var shapes = BeatShapeClusters.Of([.. shaped.Select(i => qrs[beats[i].Sample])]);
        if (trainingBeats == TrainingBeats.Dominant && shaped.Length > 0) learn = [.. shapes.Members(0).Select(k => shaped[k])];
        var name = record.Name;
        if (test.Count == 0)
        {
            // Found before any training: the run would otherwise train in full and then fail on an empty test set.
            var recordMinutes = length / fs / 60;
            var problem = string.Create(CultureInfo.InvariantCulture,
                $"record {name} lasts {recordMinutes:0.#} min, and the first {minutes:0.##} min leave no beat to test on");
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, problem + "; lower minutes");
        }
        var pool = Beats(beats, learn, _ => NormalLabel, beatLength, $"record {name}, first {minutes:0.##} min");
        var testBeats = Beats(
            beats, test, i => matched?[i]?.Aami is { } a ? Label(a) : NormalLabel, beatLength, $"record {name}, after {minutes:0.##} min");
        var dataSplit = DataSplit.FromFiles(pool, testBeats, NormalLabel, seed);
        var leadLabel = record.LeadLabel(signal);
        var normalOnly = trainingBeats switch
        {
            TrainingBeats.AnnotatedNormal => ", AAMI N only",
            TrainingBeats.Dominant => ", dominant shape",
            _ => "",
        };
        var run = new RunDescription($"record {name}",
            string.Create(CultureInfo.InvariantCulture, $"record: first {minutes:0.##} min{normalOnly}, lead {leadLabel}, window {window}"),
            new Dictionary<string, string>
            {
                [Path.GetFileName(record.DescriptorFile)] = Ecg5000.FileSha256(record.DescriptorFile),
            });
        // A lead is remembered by its name only when that name is unique (record 800 calls both leads "ECG").
        var description = record.Signals[signal].Description;
        var unique = description.Length > 0 && record.Signals.Count(s => s.Description == description) == 1;
        var leadName = unique ? description : signal.ToString(CultureInfo.InvariantCulture);
        var recordTraining = new RecordTraining(name, leadName, minutes, onlyNormal, window.ToString())
        {
            TrainingBeats = trainingBeats.Name(),
            ShapeShares = [.. Enumerable.Range(0, shapes.Sizes.Count).Select(shapes.Share).Take(MaxShapesRemembered)],
            QrsTemplate = shapes.Sizes.Count == 0 ? null : shapes.MeanShape(0),
        };
        return (dataSplit, run, recordTraining);
    }

    private static LabelledBeats Beats(ExtractedBeat[] beats, List<int> indices, Func<int, int> label, int length, string source)
    {
        var values = new float[indices.Count * length];
        for (var k = 0; k < indices.Count; k++) beats[indices[k]].Values.CopyTo(values, k * length);
        return new LabelledBeats(values, indices.Select(label).ToArray(), length, source);
    }
}
