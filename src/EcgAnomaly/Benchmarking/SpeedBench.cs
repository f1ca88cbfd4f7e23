using System.Diagnostics;
using System.Reflection;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// A quick speed check without BenchmarkDotNet (what <c>ecg-anomaly bench</c> runs): per engine, scoring throughput
/// at each batch size, N timed training epochs of the seed protocol (1,970 train and 657 validation beats, batch 32),
/// and the peak working set. An engine this build lacks is reported as not available, not measured.
/// </summary>
public static class SpeedBench
{
    /// <summary>
    /// Measures every kernel of <paramref name="options"/> on ECG5000's seed-protocol split and describes the machine.
    /// </summary>
    /// <param name="data">ECG5000, as <see cref="Ecg5000.Load"/> reads it.</param>
    /// <param name="options">Model, kernels, epochs, batch sizes and repeats.</param>
    /// <param name="observer">Sees each timed epoch's batches and losses.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The model's beat length is not ECG5000's, or an option is out of range.</exception>
    public static SpeedBenchReport Run(
        Ecg5000 data, SpeedBenchOptions options, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = DateTimeOffset.Now;
        var split = DataSplit.FromEcg5000(data, EvaluationProtocol.Seed, options.Seed);
        if (options.Spec.BeatLength != split.Train.Length)
            throw new ArgumentException(
                $"the model expects beats of {options.Spec.BeatLength} samples but ECG5000's have {split.Train.Length}", nameof(options));
        var scoring = options.ScoringBeats is int n && n < data.Test.Count
            ? data.Test.Select(Enumerable.Range(0, n).ToArray(), $"{data.Test.Source} (first {n} beats)")
            : data.Test;

        var perEnginePeak = PeakMemory.TryReset();
        var engines = options.Engines.Distinct()
            .Select(engine => Measure(split, scoring, engine, options, observer, cancellationToken))
            .ToList();

        long parameters;
        using (var probe = options.Spec.Build()) parameters = ParameterCount.Of(probe);
        return new SpeedBenchReport(
            started,
            MachineInfo.CpuModel(),
            Environment.ProcessorCount,
            torch.get_num_threads(),
            TorchDevice.Resolve(options.Device).ToString(),
            typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            options.Spec.ShortName,
            parameters,
            "seed",
            split.Train.Count,
            split.Validation.Count,
            options.BatchSize,
            options.Epochs,
            perEnginePeak,
            engines);
    }

    /// <summary>
    /// One engine: a fresh model with the options' seed is scored and timed, then trained and timed. Scoring comes
    /// first so that its figure does not depend on <see cref="SpeedBenchOptions.Epochs"/>: with two Torch threads,
    /// batch-32 scoring was seen to drift from 0.9 s to 1.8 s per 4,500 beats as a process aged (with or without
    /// training in between; steady at 1.3 s on one thread). See bench/NOTES.md.
    /// </summary>
    public static EngineSpeed Measure(
        DataSplit split,
        LabelledBeats scoringBeats,
        ComputeEngine engine,
        SpeedBenchOptions options,
        ITrainingObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(scoringBeats);
        ArgumentNullException.ThrowIfNull(options);
        // Each engine's peak is its own (where the OS allows a reset; see PeakMemory).
        PeakMemory.TryReset();
        var device = TorchDevice.Resolve(options.Device);
        using var model = AutoencoderDetector.Build(options.Spec, options.Seed);
        model.to(device);
        var scoring = options.ScoringBatchSizes
            .Select(size => MeasureScoring(engine, model, scoringBeats, size, options.ScoringRepeats, device, cancellationToken))
            .ToList();
        var training = new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
            Engine = engine,
        };
        try
        {
            using var result = Trainer.Train(model, split.Train, split.Validation, training, observer, cancellationToken);
            var epochs = new TimingSummary(result.History.Select(h => h.Seconds).ToArray());
            return new EngineSpeed(engine, epochs, scoring, PeakMemory.PeakWorkingSetBytes());
        }
        catch (NotSupportedException e)
        {
            return new EngineSpeed(engine, null, scoring, PeakMemory.PeakWorkingSetBytes(), e.Message);
        }
    }

    private static ScoringSpeed MeasureScoring(
        ComputeEngine engine,
        nn.Module<Tensor, Tensor> model,
        LabelledBeats beats,
        int batchSize,
        int repeats,
        Device device,
        CancellationToken cancellationToken)
    {
        try
        {
            using var scorer = new ModelScorer(engine, model, batchSize, device);
            // Untimed first pass: the first call at a batch shape builds that shape's native engines.
            scorer.Score(beats);
            var seconds = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                scorer.Score(beats);
                seconds[r] = clock.Elapsed.TotalSeconds;
            }
            return new ScoringSpeed(batchSize, beats.Count, new TimingSummary(seconds));
        }
        catch (NotSupportedException e)
        {
            return new ScoringSpeed(batchSize, beats.Count, null, e.Message);
        }
    }
}
