using System.Diagnostics;
using System.Globalization;
using EcgAnomaly.Detection;
using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// How long a day of ECG takes, and in how much memory: a synthetic recording made by repeating a real one (all
/// its leads, as format 212) up to the wanted length, then timed in three passes: reading only, reading + QRS
/// detection + beat cutting, and the whole pipeline with scoring (what <c>record</c> does, without the files).
/// </summary>
public static class RecordBench
{
    /// <summary>Samples (all signals) a synthetic recording may hold: 2,000,000,000, 3 GB of format 212.</summary>
    public const double MaxSynthesizedSamples = 2_000_000_000;

    /// <summary>Writes <paramref name="hours"/> of <paramref name="sourceRecord"/>, repeated, as record "synthetic" in
    /// <paramref name="folder"/>; returns its record path.</summary>
    public static string Synthesize(string sourceRecord, double hours, string folder)
    {
        var source = WfdbRecord.Open(sourceRecord);
        // Repeating nothing never reaches the wanted length (and indexing it fails): say so, naming the header.
        if (source.Header.SignalCount == 0 || source.SamplesPerSignal == 0)
            throw DataFormatException.Malformed(source.Header.File, 1,
                source.Header.SignalCount == 0 ? "the record has no signals to repeat" : "the record has no samples to repeat");
        // The synthetic record is written one sample per signal per frame, so every signal must be sampled so.
        if (source.Header.Signals.Any(s => s.SamplesPerFrame > 1 || s.Skew > 0))
            throw DataFormatException.Malformed(source.Header.File, 1,
                "the record has a signal with several samples per frame or a skew; bench-record repeats records without either");
        if (source.SamplesPerSignal > Array.MaxLength)
            throw DataFormatException.Malformed(source.Header.File, 1, "the record is too long to repeat; take a shorter one");
        // Checked before writing: the timing passes detect beats, and the header's frequency decides how much is written.
        for (var s = 0; s < source.Header.SignalCount; s++) source.RequireDetectableFrequency(s);
        var frames = hours * 3600 * source.SamplingFrequency;
        if (frames * source.Header.SignalCount > MaxSynthesizedSamples)
            throw DataFormatException.Malformed(source.Header.File, 1, string.Create(CultureInfo.InvariantCulture,
                $"{hours:0.###} h of {source.Header.SignalCount} signal(s) of {source.SamplingFrequency} Hz would be "
                + $"{frames * source.Header.SignalCount:0} samples; bench-record writes no more than {MaxSynthesizedSamples:N0}"));
        var signals = source.Header.Signals;
        var adc = Enumerable.Range(0, signals.Count).Select(source.ReadSignalAdc).ToArray();
        var total = (long)Math.Round(hours * 3600 * source.SamplingFrequency);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "synthetic");
        var specs = signals.Select(s => s with { Format = 212, FileName = "synthetic.dat" }).ToArray();
        WfdbWriter.Write212(path, source.SamplingFrequency, specs, Frames(adc, total));
        return path;
    }

    private static IEnumerable<short[]> Frames(int[][] adc, long total)
    {
        const int chunk = 1 << 16;
        var length = adc[0].Length;
        for (long start = 0; start < total; start += chunk)
        {
            var n = (int)Math.Min(chunk, total - start);
            var frames = new short[n * adc.Length];
            for (var i = 0; i < n; i++)
                for (var s = 0; s < adc.Length; s++) frames[i * adc.Length + s] = (short)adc[s][(start + i) % length];
            yield return frames;
        }
    }

    /// <summary>A detector with freshly initialised weights: scoring costs the same whatever the weights are.</summary>
    public static AutoencoderDetector UntrainedDetector(
        Models.ModelSpec spec, int seed, Training.ComputeEngine engine = Training.ComputeEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var model = AutoencoderDetector.Build(spec, seed);
        return AutoencoderDetector.Create(spec, model, BeatPreprocessing.ZScore, ThresholdPolicy.Default, 0, engine: engine);
    }

    /// <summary>
    /// Times the three passes over the record: reading all leads; reading, detecting and cutting <paramref name="lead"/>;
    /// and that plus scoring every beat with <paramref name="detector"/>. The peak memory is that of the last pass when
    /// <see cref="PeakMemory.TryReset"/> works here.
    /// </summary>
    /// <param name="recordPath">The record's path (as <see cref="WfdbRecord.Open"/> takes it).</param>
    /// <param name="detector">Scores the beats; its weights do not change the cost (<see cref="UntrainedDetector"/>).</param>
    /// <param name="lead">Signal number of the lead to detect and cut.</param>
    /// <param name="batchSize">Beats scored per batch.</param>
    /// <param name="progress">Stage name and fraction of the record done (0-1).</param>
    /// <param name="cancellationToken">Stops between chunks and beats.</param>
    public static RecordBenchResult Run(string recordPath, AutoencoderDetector detector, int lead = 0, int batchSize = 512,
        Action<string, double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var record = WfdbRecord.Open(recordPath);
        var total = (double)record.SamplesPerSignal;

        var clock = Stopwatch.StartNew();
        long read = 0;
        foreach (var chunk in record.ReadChunks(1 << 16))
        {
            cancellationToken.ThrowIfCancellationRequested();
            read += chunk[0].Length;
            progress?.Invoke("read", read / total);
        }
        var readSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        _ = RecordBeats.Scan(record, lead, detector.Spec.BeatLength, BeatWindow.Rr, 0, long.MaxValue,
            r => progress?.Invoke("detect + cut", r / total), cancellationToken).Count();
        var detectSeconds = clock.Elapsed.TotalSeconds;

        var isolated = PeakMemory.TryReset();
        clock.Restart();
        var scored = BatchScoring.Score(RecordBeats.Scan(record, lead, detector.Spec.BeatLength, BeatWindow.Rr, 0, long.MaxValue,
            r => progress?.Invoke("read + detect + cut + score", r / total), cancellationToken), detector, batchSize).Count();
        var fullSeconds = clock.Elapsed.TotalSeconds;

        return new RecordBenchResult(total / record.SamplingFrequency / 3600, record.SamplesPerSignal, record.Header.SignalCount,
            record.SamplingFrequency, readSeconds, detectSeconds, fullSeconds, scored, PeakMemory.PeakWorkingSetBytes(), isolated);
    }
}
