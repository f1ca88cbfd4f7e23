using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Benchmarking;

/// <summary>What <see cref="SpeedBench"/> measures: the seed protocol's training epoch and scoring throughput, per engine.</summary>
public sealed record SpeedBenchOptions
{
    /// <summary>The model to time (the study's LSTM autoencoder with E=32 by default).</summary>
    public ModelSpec Spec { get; init; } = ModelSpec.Lstm(32);

    /// <summary>The engines to measure, in this order; at least one.</summary>
    public IReadOnlyList<ComputeEngine> Engines { get; init; } = [ComputeEngine.TorchSharp];

    /// <summary>Training epochs per engine; each one is timed (train and validation pass, as <see cref="Trainer"/> reports it).</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>The split seed and the weight seed (777: the study's split).</summary>
    public int Seed { get; init; } = 777;

    /// <summary>The study's training batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Beats per scoring batch; one throughput figure per size.</summary>
    public IReadOnlyList<int> ScoringBatchSizes { get; init; } = [32, 512];

    /// <summary>Timed scoring passes per batch size (after one untimed pass that builds the batch shapes' engines).</summary>
    public int ScoringRepeats { get; init; } = 3;

    /// <summary>How many beats of ECG5000_TEST to score; null scores all 4,500.</summary>
    public int? ScoringBeats { get; init; }

    /// <summary>"cpu", "cuda" or "cuda:N"; null as in <see cref="TrainingOptions.Device"/>.</summary>
    public string? Device { get; init; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range (the exception names it).</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Spec);
        ArgumentNullException.ThrowIfNull(Engines);
        ArgumentNullException.ThrowIfNull(ScoringBatchSizes);
        if (Engines.Count == 0) throw new ArgumentException("no engine to measure", nameof(Engines));
        Preconditions.CheckArgumentRange(nameof(Epochs), Epochs, 1, 10_000);
        Preconditions.CheckArgumentRange(nameof(BatchSize), BatchSize, 1, 1_000_000);
        Preconditions.CheckArgumentRange(nameof(ScoringRepeats), ScoringRepeats, 1, 1_000);
        foreach (var size in ScoringBatchSizes) Preconditions.CheckArgumentRange(nameof(ScoringBatchSizes), size, 1, 1_000_000);
        if (ScoringBeats is int beats) Preconditions.CheckArgumentRange(nameof(ScoringBeats), beats, 1, 10_000_000);
    }
}
