using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>
/// Records each finished epoch, keeps a copy of the best-validation weights, reports progress, and (with a checkpoint
/// folder) saves and restores everything needed to continue.
/// </summary>
internal sealed class EpochTracker(nn.Module<Tensor, Tensor> model, int epochs, ITrainingObserver? observer, string? checkpointFolder)
{
    private readonly List<EpochRecord> _history = new(epochs);
    private Dictionary<string, Tensor> _best = [];
    private int _bestEpoch;
    private double _bestLoss = double.PositiveInfinity;

    /// <summary>The epoch to start at: 1, or the one after the checkpoint's (model weights and history restored).</summary>
    public int Resume(Action<string> loadOptimizer)
    {
        if (checkpointFolder is null) return 1;
        var data = CheckpointStore.TryLoad(checkpointFolder, loadOptimizer);
        if (data is null) return 1;
        try
        {
            Load(model.state_dict(), data.Model);
            _best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            Load(_best, data.Best);
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.Malformed(checkpointFolder, null, $"{e.Message}; delete the folder to start this run again");
        }
        _history.AddRange(data.History);
        _bestEpoch = data.BestEpoch;
        _bestLoss = data.BestLoss;
        if (data.RandomState.Length > 0)
        {
            using var state = tensor(data.RandomState, ScalarType.Byte);
            set_rng_state(state);
        }
        foreach (var record in data.History) observer?.OnEpochCompleted(record, epochs);
        return data.Epoch + 1;
    }

    /// <summary>Call after the model's tensors hold the weights of the epoch just finished.</summary>
    public void Complete(EpochRecord record, Action<string> saveOptimizer)
    {
        _history.Add(record);
        if (!double.IsFinite(record.TrainLoss))
            throw new InvalidOperationException(
                $"training diverged at epoch {record.Epoch} (loss {record.TrainLoss}); try a smaller learning rate");
        if (record.ValidationLoss < _bestLoss)
        {
            _bestLoss = record.ValidationLoss;
            _bestEpoch = record.Epoch;
            foreach (var t in _best.Values) t.Dispose();
            _best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        }
        if (checkpointFolder is not null)
        {
            using var random = get_rng_state();
            var data = new CheckpointData(record.Epoch, _history.ToList(), _bestEpoch, _bestLoss,
                Arrays(model.state_dict()), Arrays(_best), random.data<byte>().ToArray());
            CheckpointStore.Save(checkpointFolder, data, saveOptimizer);
        }
        observer?.OnEpochCompleted(record, epochs);
    }

    public TrainingResult Result(ComputeEngine engine) => new(_history, _bestEpoch, _best) { Engine = engine };

    private static Dictionary<string, float[]> Arrays(IDictionary<string, Tensor> state) =>
        state.ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().contiguous().data<float>().ToArray());

    private static void Load(IDictionary<string, Tensor> into, IReadOnlyDictionary<string, float[]> from)
    {
        using var noGrad = no_grad();
        foreach (var (key, target) in into)
        {
            if (!from.TryGetValue(key, out var values) || values.Length != target.numel())
                throw new InvalidDataException($"checkpoint does not match the model at '{key}'");
            using var source = tensor(values, target.shape).to(target.device);
            target.copy_(source);
        }
    }
}
