namespace EcgAnomaly.RunFolders;

/// <summary>The alarm threshold and how it was chosen (never from test labels).</summary>
public sealed record ThresholdInfo(double Value, string Policy, string ChosenOn);
