using EcgAnomaly.Training;

namespace EcgAnomaly.Detection;

/// <summary>What <see cref="AutoencoderDetector.Fit"/> returns: the detector and how its training went.</summary>
public sealed class FittedDetector(AutoencoderDetector detector, TrainingResult training) : IDisposable
{
    public AutoencoderDetector Detector { get; } = detector;

    public TrainingResult Training { get; } = training;

    public void Dispose()
    {
        Detector.Dispose();
        Training.Dispose();
    }
}
