using BenchmarkDotNet.Attributes;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// Scoring all 4,500 beats of ECG5000_TEST with the E=32 LSTM autoencoder (reconstruction and L1 sum, no gradients).
/// The weights are freshly initialised: throughput does not depend on what the model has learnt.
/// </summary>
/// <remarks>
/// The fast kernel tiles any batch into its own 32-beat chunks per thread, so its two batch sizes measure the same work.
/// </remarks>
[MemoryDiagnoser]
public class ScoringBenchmark : IDisposable
{
    /// <summary>Beats per measured call; <see cref="BeatsPerSecondColumn"/> divides by the median time.</summary>
    public const int Beats = 4_500;

    private nn.Module<Tensor, Tensor>? _model;
    private LabelledBeats? _beats;
    private ModelScorer? _scorer;

    /// <summary>Beats per call into the model (see the remarks for the fast kernel).</summary>
    [Params(32, 512)]
    public int BatchSize { get; set; }

    /// <summary>The engine that scores: TorchSharp's modules or the fast hand-written LSTM kernel.</summary>
    [Params(ComputeEngine.TorchSharp, ComputeEngine.Fast)]
    public ComputeEngine Engine { get; set; }

    /// <summary>
    /// A catalogue name: the study's LSTM E=32 or the patch Transformer (the fast kernel is LSTM-only;
    /// <see cref="EngineAvailableFilter"/> leaves that pair out).
    /// </summary>
    [Params("lstm32", "transformer-ae")]
    public string Model { get; set; } = "lstm32";

    /// <summary>Loads ECG5000_TEST and builds the model and its scorer, outside the measured calls.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchData.ApplyThreads();
        _beats = BenchData.Ecg5000.Test;
        if (_beats.Count != Beats)
            throw new InvalidOperationException($"expected {Beats} beats in ECG5000_TEST, found {_beats.Count}");
        _model = AutoencoderDetector.Build(ModelCatalogue.Select([Model])[0].Spec, seed: 777);
        _scorer = new ModelScorer(Engine, _model, BatchSize, CPU);
    }

    /// <summary>The measured call: one score per beat of ECG5000_TEST.</summary>
    /// <returns>The scores, returned so that the work cannot be optimised away.</returns>
    [Benchmark]
    public double[] Score() => _scorer!.Score(_beats!);

    /// <summary>Files the process's peak working set, then frees the scorer and the model.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        PeakWorkingSetLog.Record(this);
        Dispose();
    }

    /// <summary>
    /// Frees the scorer and the model. BenchmarkDotNet never disposes a benchmark object (it calls
    /// <see cref="Cleanup"/>), so <see cref="Cleanup"/> calls this.
    /// </summary>
    public void Dispose()
    {
        _scorer?.Dispose();
        _scorer = null;
        _model?.Dispose();
        _model = null;
        GC.SuppressFinalize(this);
    }
}
