namespace EcgAnomaly.Evaluation;

/// <summary>How many beats of one class there were and how many were flagged abnormal.</summary>
public sealed record ClassDetection(int Beats, int Flagged, double Rate);
