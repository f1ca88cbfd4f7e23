namespace EcgAnomaly.Detection;

public enum ThresholdPolicyKind
{
    Percentile,
    Sigma,
    FalseAlarmRate,
    Fixed,
}
