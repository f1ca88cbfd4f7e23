using EcgAnomaly.Training;

namespace EcgAnomaly.Detection;

/// <summary>What <see cref="AutoencoderDetector.Fit"/> returns: the detector and how its training went.</summary>
public sealed class FittedDetector(AutoencoderDetector detector, TrainingResult training) : IDisposable
{
    /// <summary>The detector with the last epoch's weights (the study's choice), thresholded on validation normals.</summary>
    public AutoencoderDetector Detector { get; } = detector;

    /// <summary>Loss history, best epoch and its weights.</summary>
    public TrainingResult Training { get; } = training;

    /// <summary>Disposes the detector and the best-epoch weights the training result holds.</summary>
    public void Dispose()
    {
        Detector.Dispose();
        Training.Dispose();
    }
}
