using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>
/// The loss history of a run and a copy of the weights of its best-validation epoch. The model itself keeps the
/// last epoch's weights, which is what the study evaluated.
/// </summary>
public sealed class TrainingResult(IReadOnlyList<EpochRecord> history, int bestEpoch, Dictionary<string, Tensor> bestState) : IDisposable
{
    /// <summary>Every epoch, first to last.</summary>
    public IReadOnlyList<EpochRecord> History { get; } = history;

    /// <summary>1-based epoch with the lowest validation loss.</summary>
    public int BestEpoch { get; } = bestEpoch;

    /// <summary>The validation loss of <see cref="BestEpoch"/>.</summary>
    public double BestValidationLoss => History[BestEpoch - 1].ValidationLoss;

    /// <summary>Detached copies of the best epoch's parameters and buffers, keyed as in the state dict.</summary>
    public IReadOnlyDictionary<string, Tensor> BestState { get; } = bestState;

    /// <summary>The engine that trained the model (never <see cref="ComputeEngine.Auto"/>).</summary>
    public required ComputeEngine Engine { get; init; }

    /// <summary>Median seconds per epoch, training and validation pass together.</summary>
    public double MedianEpochSeconds
    {
        get
        {
            var seconds = History.Select(h => h.Seconds).Order().ToArray();
            var middle = seconds.Length / 2;
            return seconds.Length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
        }
    }

    /// <summary>Frees the best-state tensors.</summary>
    public void Dispose()
    {
        foreach (var t in BestState.Values) t.Dispose();
    }
}
