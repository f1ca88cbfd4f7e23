using EcgAnomaly.Ectopy;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Recordings;

/// <summary>
/// The QRS measures of scored beats that both the per-patient evaluation and <c>record</c> give: each beat's correlation
/// with the patient's dominant QRS shape and, when asked, the rhythm of its shape group over the scored stretch.
/// </summary>
internal static class QrsShapes
{
    /// <summary>
    /// Measures the beats at <paramref name="samples"/> (with <paramref name="rhythm"/>, in the same order) from
    /// <paramref name="fromSample"/> on. Without a usable template every correlation is NaN and every group unknown.
    /// Shape groups keep every beat's QRS window until grouped, so a caller that does not need them passes
    /// <paramref name="groups"/> false (a day-long recording has about 100,000 beats).
    /// </summary>
    public static (double[] Correlations, ShapeGroupRhythm[] Groups) Measure(EcgRecording record, int lead, long fromSample,
        IReadOnlyList<float>? template, IReadOnlyList<long> samples, IReadOnlyList<BeatRhythm> rhythm, bool groups,
        CancellationToken cancellationToken)
    {
        var windows = new Dictionary<long, float[]>();
        var correlations = new Dictionary<long, double>();
        if (template is { Count: >= BeatScanner.MinimumBeatLength })
        {
            var unit = template.ToArray();
            foreach (var qrs in RecordBeats.Scan(record, lead, unit.Length, BeatShapeClusters.Window, fromSample, long.MaxValue,
                cancellationToken: cancellationToken))
            {
                correlations[qrs.Sample] = BeatShapeClusters.Correlation(qrs.Values, unit);
                if (groups) windows[qrs.Sample] = qrs.Values;
            }
        }
        var shapeGroups = groups
            ? ShapeGroupRhythm.Of([.. samples.Select(s => windows.GetValueOrDefault(s))], rhythm)
            : [.. samples.Select(_ => ShapeGroupRhythm.Unknown)];
        return ([.. samples.Select(s => correlations.GetValueOrDefault(s, double.NaN))], shapeGroups);
    }
}
