namespace EcgAnomaly.Detection;

/// <summary>How <see cref="ThresholdPolicy"/> derives the threshold from validation-normal scores.</summary>
public enum ThresholdPolicyKind
{
    /// <summary>The P-th percentile of the scores (linear interpolation, as NumPy).</summary>
    Percentile,

    /// <summary>Mean + K population standard deviations of the scores.</summary>
    Sigma,

    /// <summary>The score that a fraction F of the validation normals exceeds (the (100 - 100F)-th percentile).</summary>
    FalseAlarmRate,

    /// <summary>A given threshold; no scores needed.</summary>
    Fixed,
}
