using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>The beats of one lead of a recording, streamed chunk by chunk: detect, cut, resample (in the signal's units;
/// a detector normalises them as its model.json says).</summary>
public static class RecordBeats
{
    private const int ChunkSamples = 1 << 16;

    /// <summary>
    /// Beats whose R peak lies in [<paramref name="fromSample"/>, <paramref name="toSample"/>). Detection always starts
    /// at the beginning of the record, so the beats of a later stretch are the same as in a full scan, and stops a
    /// few seconds after <paramref name="toSample"/>. <paramref name="progress"/> receives the samples read so far.
    /// </summary>
    public static IEnumerable<ExtractedBeat> Scan(EcgRecording record, int lead, int beatLength, BeatWindow window,
        long fromSample = 0, long toSample = long.MaxValue, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.RequireDetectableFrequency(lead);
        var fs = record.Signals[lead].SamplingFrequency;
        var scanner = new BeatScanner(fs, beatLength, window);
        var stopAt = toSample == long.MaxValue ? long.MaxValue : toSample + (long)(10 * fs);
        var read = 0L;
        foreach (var chunk in record.ReadSignalChunks(lead, ChunkSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var beat in scanner.Push(chunk))
                if (beat.Sample >= fromSample && beat.Sample < toSample) yield return beat;
            read += chunk.Length;
            progress?.Invoke(read);
            if (read >= stopAt) yield break;
        }
        foreach (var beat in scanner.Finish())
            if (beat.Sample >= fromSample && beat.Sample < toSample) yield return beat;
    }

    /// <summary>All R peaks of one lead (no beats cut), for <c>detect-beats</c>.</summary>
    public static long[] DetectPeaks(
        EcgRecording record, int lead, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.RequireDetectableFrequency(lead);
        var detector = new QrsDetector(record.Signals[lead].SamplingFrequency);
        var peaks = new List<long>();
        var read = 0L;
        foreach (var chunk in record.ReadSignalChunks(lead, ChunkSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            peaks.AddRange(detector.Push(chunk));
            read += chunk.Length;
            progress?.Invoke(read);
        }
        peaks.AddRange(detector.Finish());
        return [.. peaks];
    }
}
