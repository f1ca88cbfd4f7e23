namespace EcgAnomaly.RunFolders;

/// <summary>Counts at the threshold, abnormal = positive.</summary>
public sealed record Confusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);
