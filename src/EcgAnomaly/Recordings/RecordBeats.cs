using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>The beats of one lead of a recording, streamed chunk by chunk: detect, cut, resample (in the signal's units;
/// a detector normalises them as its model.json says). A sample without a value (NaN: a gap of a multi-segment record, a
/// segment without the lead, WFDB's invalid sample) holds the last value before it (0 at the start), since the QRS
/// detector needs a number at every sample; a flat stretch has no beats, and sample numbers stay the record's.</summary>
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
        var last = 0f;
        foreach (var chunk in record.ReadSignalChunks(lead, ChunkSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            last = HoldLastValue(chunk, last);
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
        var last = 0f;
        foreach (var chunk in record.ReadSignalChunks(lead, ChunkSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            last = HoldLastValue(chunk, last);
            peaks.AddRange(detector.Push(chunk));
            read += chunk.Length;
            progress?.Invoke(read);
        }
        peaks.AddRange(detector.Finish());
        return [.. peaks];
    }

    /// <summary>Replaces each NaN of <paramref name="chunk"/> by the value before it; returns the chunk's last value.</summary>
    private static float HoldLastValue(float[] chunk, float last)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            if (float.IsNaN(chunk[i])) chunk[i] = last;
            else last = chunk[i];
        }
        return last;
    }
}
