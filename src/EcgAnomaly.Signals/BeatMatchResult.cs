namespace EcgAnomaly.Signals;

/// <param name="ReferenceMatch">For every reference beat, the index of its detection, or -1 when it was missed.</param>
public sealed record BeatMatchResult(int[] ReferenceMatch, int TruePositives, int FalseNegatives, int FalsePositives)
{
    /// <summary>Sensitivity, TP / (TP + FN).</summary>
    public double Sensitivity =>
        TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Positive predictivity, TP / (TP + FP).</summary>
    public double PositivePredictivity =>
        TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);
}
