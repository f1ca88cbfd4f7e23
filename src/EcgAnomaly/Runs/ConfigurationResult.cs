namespace EcgAnomaly.Runs;

/// <summary>One row of results.md / results.json: a configuration summed up over its finished seeds.</summary>
public sealed record ConfigurationResult(
    string Name,
    string Model,
    long Parameters,
    int SeedsDone,
    IReadOnlyList<double> RocAuc,
    IReadOnlyList<double> RocAucBest,
    double RocAucMean,
    double RocAucSd,
    double RocAucBestMean,
    double RocAucBestSd,
    double SecondsPerEpoch,
    double? StudyClaimedAuc,
    IReadOnlyList<double> StudyMeasuredAucs);
