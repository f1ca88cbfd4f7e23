using EcgAnomaly.Training;

namespace EcgAnomaly.Detection;

/// <summary>What <see cref="AutoencoderDetector.Fit"/> returns: the detector and how its training went.</summary>
public sealed class FittedDetector(AutoencoderDetector detector, IReadOnlyList<TrainingResult> members) : IDisposable
{
    /// <summary>The detector with the last epoch's weights (the study's choice), thresholded on validation normals.</summary>
    public AutoencoderDetector Detector { get; } = detector;

    /// <summary>Loss history, best epoch and its weights (of the first member of an ensemble).</summary>
    public TrainingResult Training => Members[0];

    /// <summary>How each network trained: one entry, or one per ensemble member in order.</summary>
    public IReadOnlyList<TrainingResult> Members { get; } = members;

    /// <summary>Disposes the detector and the best-epoch weights the training results hold.</summary>
    public void Dispose()
    {
        Detector.Dispose();
        foreach (var member in Members) member.Dispose();
    }
}
