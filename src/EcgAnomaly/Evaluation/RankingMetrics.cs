namespace EcgAnomaly.Evaluation;

/// <summary>
/// Threshold-free metrics of a score where higher means "more likely positive" (abnormal), computed as
/// scikit-learn's <c>roc_auc_score</c> and <c>average_precision_score</c> do: one curve point per distinct score,
/// so tied scores share a point (half credit in ROC AUC) instead of being ordered arbitrarily.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Area under the ROC curve (trapezoids over the distinct-threshold points).</summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        var curve = RocCurve(scores, labels);
        double area = 0;
        for (var i = 1; i < curve.Length; i++)
            area += (curve[i].FalsePositiveRate - curve[i - 1].FalsePositiveRate)
                * (curve[i].TruePositiveRate + curve[i - 1].TruePositiveRate) / 2;
        return area;
    }

    /// <summary>Average precision: the sum over thresholds of (recall gained) x (precision there).</summary>
    public static double AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        var (tps, fps, _) = CumulativeCounts(scores, labels, out var positives, out _);
        double ap = 0, previousRecall = 0;
        for (var i = 0; i < tps.Length; i++)
        {
            var recall = (double)tps[i] / positives;
            var precision = (double)tps[i] / (tps[i] + fps[i]);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return ap;
    }

    /// <summary>ROC points from (0,0) to (1,1), one per distinct score, highest threshold first.</summary>
    public static RocPoint[] RocCurve(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        var (tps, fps, thresholds) = CumulativeCounts(scores, labels, out var positives, out var negatives);
        var points = new RocPoint[tps.Length + 1];
        points[0] = new RocPoint(double.PositiveInfinity, 0, 0);
        for (var i = 0; i < tps.Length; i++)
            points[i + 1] = new RocPoint(thresholds[i], (double)fps[i] / negatives, (double)tps[i] / positives);
        return points;
    }

    /// <summary>True and false positives when everything scoring at or above each distinct score is called positive.</summary>
    private static (long[] Tps, long[] Fps, double[] Thresholds) CumulativeCounts(
        ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, out long positives, out long negatives)
    {
        if (scores.Length != labels.Length)
            throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels", nameof(labels));
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            if (double.IsNaN(scores[i])) throw new ArgumentException($"score {i} is NaN", nameof(scores));
            if (labels[i] is not (0 or 1)) throw new ArgumentException($"label {i} is {labels[i]}; labels must be 0 or 1", nameof(labels));
            order[i] = i;
        }
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        Array.Reverse(keys);
        Array.Reverse(order);
        var tps = new List<long>();
        var fps = new List<long>();
        var thresholds = new List<double>();
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (labels[order[i]] == 1) tp++; else fp++;
            if (i == order.Length - 1 || keys[i + 1] != keys[i])
            {
                tps.Add(tp);
                fps.Add(fp);
                thresholds.Add(keys[i]);
            }
        }
        positives = tp;
        negatives = fp;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("both classes must be present to rank them (only one class in the labels)", nameof(labels));
        return (tps.ToArray(), fps.ToArray(), thresholds.ToArray());
    }
}
