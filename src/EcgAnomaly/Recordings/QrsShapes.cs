using EcgAnomaly.Evaluation;
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
    /// Below this median correlation between the first minutes' dominant QRS shape and the most frequent shape of the
    /// scored stretch, the patient's normal beat changed after the first minutes (a conduction change: MIT-BIH 108 and
    /// 207 at -0.8, every other record above 0.97; the cut was set on DS1, where both are) and beats are compared with
    /// the later shape.
    /// </summary>
    public const double ChangedNormal = 0.5;

    /// <summary>
    /// Measures the beats at <paramref name="samples"/> (with <paramref name="rhythm"/>, in the same order) from
    /// <paramref name="fromSample"/> on. Without a usable template every correlation is NaN and every group unknown.
    /// Shape groups keep every beat's QRS window until grouped, so a caller that does not need them passes
    /// <paramref name="groups"/> false (a day-long recording has about 100,000 beats). With groups,
    /// <c>Agreement</c> is the median correlation of the largest group's beats with the template; below
    /// <see cref="ChangedNormal"/> the correlations are with that group's mean shape instead (NaN without groups).
    /// </summary>
    public static (double[] Correlations, ShapeGroupRhythm[] Groups, double Agreement) Measure(EcgRecording record, int lead,
        long fromSample, IReadOnlyList<float>? template, IReadOnlyList<long> samples, IReadOnlyList<BeatRhythm> rhythm,
        bool groups, CancellationToken cancellationToken)
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
        var result = samples.Select(s => correlations.GetValueOrDefault(s, double.NaN)).ToArray();
        if (!groups) return (result, [.. samples.Select(_ => ShapeGroupRhythm.Unknown)], double.NaN);

        var shaped = Enumerable.Range(0, samples.Count).Where(i => windows.ContainsKey(samples[i])).ToArray();
        var clusters = BeatShapeClusters.Of([.. shaped.Select(i => windows[samples[i]])]);
        var shapeGroups = ShapeGroupRhythm.Of(clusters, shaped, rhythm);
        if (clusters.Sizes.Count == 0) return (result, shapeGroups, double.NaN);
        var agreement = Percentile.Of([.. clusters.Members(0).Select(k => result[shaped[k]])], 50);
        if (agreement < ChangedNormal)
        {
            var later = clusters.MeanShape(0);
            foreach (var i in shaped) result[i] = BeatShapeClusters.Correlation(windows[samples[i]], later);
        }
        return (result, shapeGroups, agreement);
    }
}
