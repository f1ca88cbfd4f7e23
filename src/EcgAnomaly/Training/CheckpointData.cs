namespace EcgAnomaly.Training;

/// <summary>Everything a training run needs to continue after its last finished epoch.</summary>
internal sealed record CheckpointData(
    int Epoch,
    IReadOnlyList<EpochRecord> History,
    int BestEpoch,
    double BestLoss,
    IReadOnlyDictionary<string, float[]> Model,
    IReadOnlyDictionary<string, float[]> Best,
    byte[] RandomState);
