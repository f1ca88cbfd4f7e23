using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>The beats of one lead of a WFDB record, streamed chunk by chunk: detect, cut, resample (in the signal's units;
/// a detector normalises them as its model.json says).</summary>
public static class RecordBeats
{
    private const int ChunkSamples = 1 << 16;

    /// <summary>
    /// Beats whose R peak lies in [<paramref name="fromSample"/>, <paramref name="toSample"/>). Detection always starts
    /// at the beginning of the record, so the beats of a later stretch are the same as in a full scan, and stops a
    /// few seconds after <paramref name="toSample"/>. <paramref name="progress"/> receives the samples read so far.
    /// </summary>
    public static IEnumerable<ExtractedBeat> Scan(WfdbRecord record, int lead, int beatLength, BeatWindow window,
        long fromSample = 0, long toSample = long.MaxValue, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.RequireDetectableFrequency();
        var scanner = new BeatScanner(record.SamplingFrequency, beatLength, window);
        var stopAt = toSample == long.MaxValue ? long.MaxValue : toSample + (long)(10 * record.SamplingFrequency);
        var read = 0L;
        foreach (var chunk in record.ReadChunks(ChunkSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var beat in scanner.Push(chunk[lead]))
                if (beat.Sample >= fromSample && beat.Sample < toSample) yield return beat;
            read += chunk[lead].Length;
            progress?.Invoke(read);
            if (read >= stopAt) yield break;
        }
        foreach (var beat in scanner.Finish())
            if (beat.Sample >= fromSample && beat.Sample < toSample) yield return beat;
    }

    /// <summary>All R peaks of one lead (no beats cut), for <c>detect-beats</c>.</summary>
    public static long[] DetectPeaks(
        WfdbRecord record, int lead, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.RequireDetectableFrequency();
        var detector = new QrsDetector(record.SamplingFrequency);
        var peaks = new List<long>();
        var read = 0L;
        foreach (var chunk in record.ReadChunks(ChunkSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            peaks.AddRange(detector.Push(chunk[lead]));
            read += chunk[lead].Length;
            progress?.Invoke(read);
        }
        peaks.AddRange(detector.Finish());
        return [.. peaks];
    }
}
