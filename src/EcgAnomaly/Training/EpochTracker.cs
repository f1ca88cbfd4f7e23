using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>Records each finished epoch, keeps a copy of the best-validation weights, and reports progress.</summary>
internal sealed class EpochTracker(nn.Module<Tensor, Tensor> model, int epochs, ITrainingObserver? observer)
{
    private readonly List<EpochRecord> _history = new(epochs);
    private Dictionary<string, Tensor> _best = [];
    private int _bestEpoch;
    private double _bestLoss = double.PositiveInfinity;

    /// <summary>Call after the model's tensors hold the weights of the epoch just finished.</summary>
    public void Complete(EpochRecord record)
    {
        _history.Add(record);
        if (!double.IsFinite(record.TrainLoss))
            throw new InvalidOperationException($"training diverged at epoch {record.Epoch} (loss {record.TrainLoss}); try a smaller --lr");
        if (record.ValidationLoss < _bestLoss)
        {
            _bestLoss = record.ValidationLoss;
            _bestEpoch = record.Epoch;
            foreach (var t in _best.Values) t.Dispose();
            _best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        }
        observer?.OnEpochCompleted(record, epochs);
    }

    public TrainingResult Result() => new(_history, _bestEpoch, _best);
}
