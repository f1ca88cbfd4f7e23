namespace EcgAnomaly.Evaluation;

/// <summary>What happens on a labelled set when beats scoring above a fixed threshold are called abnormal.</summary>
public sealed record ThresholdReport(
    double Threshold,
    int TruePositives,
    int FalsePositives,
    int TrueNegatives,
    int FalseNegatives,
    double Precision,
    double Recall,
    double F1,
    double FalseAlarmRate,
    IReadOnlyDictionary<int, ClassDetection> PerClass)
{
    /// <summary>Counts, precision, recall, F1, false-alarm rate and per-class detection at <paramref name="threshold"/>.</summary>
    /// <param name="scores">Higher = more abnormal.</param>
    /// <param name="classes">The original class of each beat.</param>
    /// <param name="normalClass">The class that counts as normal; every other class is abnormal.</param>
    /// <param name="threshold">Beats scoring strictly above it are called abnormal.</param>
    public static ThresholdReport Compute(ReadOnlySpan<double> scores, ReadOnlySpan<int> classes, int normalClass, double threshold)
    {
        if (scores.Length != classes.Length)
            throw new ArgumentException($"{scores.Length} scores but {classes.Length} classes", nameof(classes));
        int tp = 0, fp = 0, tn = 0, fn = 0;
        var flagged = new SortedDictionary<int, (int Flagged, int Total)>();
        for (var i = 0; i < scores.Length; i++)
        {
            var isFlagged = scores[i] > threshold;
            var abnormal = classes[i] != normalClass;
            if (abnormal && isFlagged) tp++;
            else if (abnormal) fn++;
            else if (isFlagged) fp++;
            else tn++;
            flagged.TryGetValue(classes[i], out var c);
            flagged[classes[i]] = (c.Flagged + (isFlagged ? 1 : 0), c.Total + 1);
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var falseAlarm = fp + tn == 0 ? 0 : (double)fp / (fp + tn);
        var perClass = flagged.ToDictionary(
            kv => kv.Key,
            kv => new ClassDetection(kv.Value.Total, kv.Value.Flagged, (double)kv.Value.Flagged / kv.Value.Total));
        return new ThresholdReport(threshold, tp, fp, tn, fn, precision, recall, f1, falseAlarm, perClass);
    }
}
