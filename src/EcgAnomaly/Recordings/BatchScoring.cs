using EcgAnomaly.Detection;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>Beats of a recording scored in batches as they stream past, each paired with its score.</summary>
public static class BatchScoring
{
    /// <summary>
    /// Scores <paramref name="beats"/> lazily, <paramref name="batchSize"/> at a time, keeping their order; only one batch
    /// is held. Each beat must have the detector's beat length.
    /// </summary>
    public static IEnumerable<(ExtractedBeat Beat, double Score)> Score(
        IEnumerable<ExtractedBeat> beats, AutoencoderDetector detector, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(beats);
        ArgumentNullException.ThrowIfNull(detector);
        Preconditions.CheckArgumentRange(nameof(batchSize), batchSize, 1, 1_000_000);
        var length = detector.Spec.BeatLength;
        var values = new float[batchSize * length];
        var batch = new List<ExtractedBeat>(batchSize);
        foreach (var beat in beats)
        {
            beat.Values.CopyTo(values, batch.Count * length);
            batch.Add(beat);
            if (batch.Count < batchSize) continue;
            foreach (var pair in Flush(batch, values, detector)) yield return pair;
        }
        foreach (var pair in Flush(batch, values, detector)) yield return pair;
    }

    private static (ExtractedBeat, double)[] Flush(List<ExtractedBeat> batch, float[] values, AutoencoderDetector detector)
    {
        if (batch.Count == 0) return [];
        var scores = detector.Score(values.AsSpan(0, batch.Count * detector.Spec.BeatLength));
        var pairs = batch.Select((b, i) => (b, scores[i])).ToArray();
        batch.Clear();
        return pairs;
    }
}
