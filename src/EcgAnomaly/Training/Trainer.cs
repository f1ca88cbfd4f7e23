using System.Diagnostics;
using EcgAnomaly.Data;
using EcgAnomaly.Training.Fast;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>The study's loop: Adam, L1 loss summed over the batch, shuffled mini-batches; validation after every epoch.</summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place on the engine <paramref name="options"/> ask for; the model ends with
    /// the last epoch's weights, the result holds the best-validation epoch's.
    /// </summary>
    /// <param name="model">The model to train.</param>
    /// <param name="train">Normal beats to train on, at the model's beat length.</param>
    /// <param name="validation">Normal beats to validate on after every epoch, same length.</param>
    /// <param name="options">Epochs, batch, learning rate, seed, device, engine, checkpoint folder.</param>
    /// <param name="observer">Sees every batch and epoch.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The beat lengths differ or an option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The training loss of an epoch is not a finite number (diverged).</exception>
    public static TrainingResult Train(
        nn.Module<Tensor, Tensor> model,
        LabelledBeats train,
        LabelledBeats validation,
        TrainingOptions options,
        ITrainingObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Length != validation.Length)
            throw new ArgumentException(
                $"train beats have {train.Length} samples, validation beats {validation.Length}", nameof(validation));

        var device = TorchDevice.Resolve(options.Device);
        model.to(device);
        if (ComputeEngines.FastLstm(options.Engine, model, device) is { } fast)
            return FastTrainer.Train(fast, train, validation, options, observer, cancellationToken);
        using var trainX = tensor(train.Values, [train.Count, train.Length], device: device);
        using var optimizer = KeptScalarAdam.Create(model.parameters(), options.LearningRate);
        var shuffler = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
        var batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var tracker = new EpochTracker(model, options.Epochs, observer, options.CheckpointFolder);
        var first = tracker.Resume(path => optimizer.load_state_dict(path));
        // The batch order of epoch e comes from shuffling e times: replaying the finished epochs restores it exactly.
        for (var done = 1; done < first; done++) shuffler.Shuffle(order);

        for (var epoch = first; epoch <= options.Epochs; epoch++)
        {
            observer?.OnEpochStarted(epoch, options.Epochs, batches);
            var clock = Stopwatch.StartNew();
            foreach (var group in optimizer.ParamGroups) group.LearningRate = options.RateAt(epoch);
            model.train();
            shuffler.Shuffle(order);
            double total = 0;
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var start = b * options.BatchSize;
                var end = Math.Min(start + options.BatchSize, train.Count);
                var x = trainX.index_select(0, tensor(order[start..end], device: device));
                var loss = (model.call(x) - x).abs().sum();
                optimizer.zero_grad();
                loss.backward();
                if (options.GradientClipNorm is double clip) nn.utils.clip_grad_norm_(model.parameters(), clip);
                optimizer.step();
                total += loss.item<float>();
                observer?.OnBatchCompleted(epoch, b + 1, batches);
            }
            var validationLoss = ReconstructionScorer.Score(model, validation, options.ScoringBatchSize, device).Average();
            var epochRecord = new EpochRecord(epoch, total / train.Count, validationLoss, clock.Elapsed.TotalSeconds);
            tracker.Complete(epochRecord, path => optimizer.save_state_dict(path));
        }
        return tracker.Result(ComputeEngine.TorchSharp);
    }
}
