namespace EcgAnomaly.Training;

/// <summary>
/// One epoch of training. Losses are the mean over beats of each beat's summed absolute error, the same
/// quantity as the anomaly score, so the two can be read side by side.
/// </summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double Seconds);
