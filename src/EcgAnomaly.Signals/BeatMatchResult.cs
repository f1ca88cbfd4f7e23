namespace EcgAnomaly.Signals;

/// <summary>
/// Detected beats compared with reference beats (EC57 matching, <see cref="BeatMatching.Compare"/>): counts and which detection
/// matched which reference beat.
/// </summary>
/// <param name="ReferenceMatch">For every reference beat, the index of its detection, or -1 when it was missed.</param>
/// <param name="TruePositives">Reference beats with a detection within the matching window.</param>
/// <param name="FalseNegatives">Reference beats no detection matched (missed beats).</param>
/// <param name="FalsePositives">Detections that matched no reference beat.</param>
public sealed record BeatMatchResult(int[] ReferenceMatch, int TruePositives, int FalseNegatives, int FalsePositives)
{
    /// <summary>Sensitivity, TP / (TP + FN).</summary>
    public double Sensitivity =>
        TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Positive predictivity, TP / (TP + FP).</summary>
    public double PositivePredictivity =>
        TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);
}
