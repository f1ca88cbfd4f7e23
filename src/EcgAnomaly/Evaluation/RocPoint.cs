namespace EcgAnomaly.Evaluation;

/// <summary>One point of a ROC curve: calling every score at or above <see cref="Threshold"/> abnormal.</summary>
public readonly record struct RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);
