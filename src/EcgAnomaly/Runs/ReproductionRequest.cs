using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Runs;

/// <summary>The study's table to rebuild: which configurations, how many seeds (1..Seeds), how long, and where.</summary>
public sealed record ReproductionRequest(
    Ecg5000 Data,
    IReadOnlyList<CatalogueEntry> Configurations,
    int Seeds,
    TrainingOptions Options,
    EvaluationProtocol Protocol,
    string OutputFolder)
{
    /// <summary>How each run's threshold is chosen (the 99th validation-normal percentile by default).</summary>
    public ThresholdPolicy ThresholdPolicy { get; init; } = ThresholdPolicy.Default;
}
