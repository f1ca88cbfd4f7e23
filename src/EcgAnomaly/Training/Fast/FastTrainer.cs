using System.Diagnostics;
using EcgAnomaly.Data;
using EcgAnomaly.Models;

namespace EcgAnomaly.Training.Fast;

/// <summary>The study's training loop on the fast kernel: same batches in the same order as the reference path.</summary>
internal static class FastTrainer
{
    public static TrainingResult Train(
        LstmAutoencoder model,
        LabelledBeats train,
        LabelledBeats validation,
        TrainingOptions options,
        ITrainingObserver? observer,
        CancellationToken cancellationToken)
    {
        var fast = FastLstmAutoencoder.From(model);
        using var engine = new FastLstmEngine(fast, (options.BatchSize + 1) / 2, options.LearningRate)
        {
            ClipNorm = options.GradientClipNorm,
        };
        var shuffler = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
        var batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var tracker = new EpochTracker(model, options.Epochs, observer, options.CheckpointFolder);
        var first = tracker.Resume(engine.LoadOptimizer);
        if (first > 1) fast.Import(model);
        for (var done = 1; done < first; done++) shuffler.Shuffle(order);
        var batch = new float[options.BatchSize * train.Length];
        for (var epoch = first; epoch <= options.Epochs; epoch++)
        {
            observer?.OnEpochStarted(epoch, options.Epochs, batches);
            var clock = Stopwatch.StartNew();
            engine.LearningRate = options.RateAt(epoch);
            shuffler.Shuffle(order);
            double total = 0;
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = b * options.BatchSize;
                var rows = Math.Min(options.BatchSize, train.Count - start);
                for (var r = 0; r < rows; r++) train.Beat((int)order[start + r]).CopyTo(batch.AsSpan(r * train.Length, train.Length));
                total += engine.TrainStep(batch, rows);
                observer?.OnBatchCompleted(epoch, b + 1, batches);
            }
            var validationLoss = engine.Score(validation.Values).Average();
            fast.Export(model);
            tracker.Complete(new EpochRecord(epoch, total / train.Count, validationLoss, clock.Elapsed.TotalSeconds), engine.SaveOptimizer);
        }
        return tracker.Result(ComputeEngine.Fast);
    }
}
