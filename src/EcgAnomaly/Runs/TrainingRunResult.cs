using EcgAnomaly.RunFolders;
namespace EcgAnomaly.Runs;

/// <summary>The committed run folder and its metrics.</summary>
public sealed record TrainingRunResult(string Folder, RunMetrics Metrics);
