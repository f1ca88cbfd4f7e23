using BenchmarkDotNet.Attributes;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// One training epoch of the seed protocol as <c>ecg-anomaly train</c> runs it: 1,970 beats in shuffled batches of 32
/// with Adam, then the validation pass over 657 beats. The model keeps training from one iteration to the next, which
/// does not change the work an epoch does.
/// </summary>
[MemoryDiagnoser]
public class TrainingEpochBenchmark
{
    private nn.Module<Tensor, Tensor>? _model;

    /// <summary>The LSTM's code size E: the study's smallest two.</summary>
    [Params(32, 64)]
    public int Embedding { get; set; }

    /// <summary>
    /// Both implementations (Auto is one of them); <see cref="EngineAvailableFilter"/> leaves out (and names) those this
    /// build lacks.
    /// </summary>
    [Params(ComputeEngine.TorchSharp, ComputeEngine.Fast)]
    public ComputeEngine Engine { get; set; }

    /// <summary>Loads the seed-protocol split and builds the model, outside the measured calls.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchData.ApplyThreads();
        _ = BenchData.Split;
        _model = AutoencoderDetector.Build(ModelSpec.Lstm(Embedding), seed: 777);
    }

    /// <summary>The measured call: one epoch of training and validation.</summary>
    /// <returns>The epoch's training loss, returned so that the work cannot be optimised away.</returns>
    [Benchmark]
    public double Epoch()
    {
        var split = BenchData.Split;
        using var result = Trainer.Train(_model!, split.Train, split.Validation, new TrainingOptions { Epochs = 1, Engine = Engine });
        return result.History[0].TrainLoss;
    }

    /// <summary>Files the process's peak working set and frees the model.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        PeakWorkingSetLog.Record(this);
        _model?.Dispose();
    }
}
